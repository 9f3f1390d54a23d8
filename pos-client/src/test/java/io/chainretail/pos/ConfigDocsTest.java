package io.chainretail.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.docs.ConfigTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table names every {@code pos.*} setting there is, and none that is not. */
class ConfigDocsTest {

    @Test
    void theReadmeDocumentsEverySetting() throws Exception {
        assertEquals("", ConfigTable.differences(ConfigTable.declared(PosConfig.class, "pos"),
                ConfigTable.documented(Path.of("README.md"), "pos")), "pos-client/README.md against PosConfig");
    }
}
