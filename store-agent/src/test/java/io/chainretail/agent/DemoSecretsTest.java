package io.chainretail.agent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSecretsTest {

    @Test
    void aProductionStartWithTheDemosManagerPinIsRefusedAndSaysWhatToSet() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DemoSecrets.refuseDemoUsers(List.of("2001:4821:cashier", "9001:9999:manager")));
        assertTrue(refused.getMessage().contains("agent.cashiers") && refused.getMessage().contains("9001"),
                refused.getMessage());
        assertDoesNotThrow(() -> DemoSecrets.refuseDemoUsers(List.of("9001:4821:manager", "1001:7302:cashier")));
    }
}
