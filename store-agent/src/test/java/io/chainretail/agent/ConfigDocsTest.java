package io.chainretail.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.docs.ConfigTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table names every {@code agent.*} setting there is, and none that is not. */
class ConfigDocsTest {

    @Test
    void theReadmeDocumentsEverySetting() throws Exception {
        assertEquals("", ConfigTable.differences(ConfigTable.declared(AgentConfig.class, "agent"),
                ConfigTable.documented(Path.of("README.md"), "agent")), "store-agent/README.md against AgentConfig");
    }
}
