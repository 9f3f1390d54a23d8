package io.chainretail.hq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.docs.ConfigTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table names every {@code hq.*} setting there is, and none that is not. */
class ConfigDocsTest {

    @Test
    void theReadmeDocumentsEverySetting() throws Exception {
        assertEquals("", ConfigTable.differences(ConfigTable.declared(HqConfig.class, "hq"),
                ConfigTable.documented(Path.of("README.md"), "hq")), "hq-server/README.md against HqConfig");
    }
}
