package io.chainretail.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem is named by its key with what to write instead, and all of them fail the start at once. */
class ConfigCheckTest {

    @Test
    void collectsEveryProblemByKey() {
        ConfigCheck check = new ConfigCheck()
                .positive(Duration.ZERO, "a.poll")
                .between(70_000, 1, 65_535, "a.port")
                .url("mqtt//nowhere", "a.url", true, "tcp", "ssl")
                .url("tcp://broker:1883", "a.good-url", true, "tcp", "ssl")
                .parses("XYZ", Currency::getInstance, "a.currency")
                .matches("no spaces allowed", "[a-z]+", "a.code", "a code");
        assertEquals(List.of("a.poll: PT0S must be longer than zero, e.g. 5s",
                "a.port: 70000 must be between 1 and 65535",
                "a.url: 'mqtt//nowhere' is not a tcp or ssl URL like tcp://host:port",
                "a.currency: 'XYZ' is not valid",
                "a.code: 'no spaces allowed' is not a code"), check.problems());
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> check.orFail("The app"));
        assertTrue(failed.getMessage().startsWith("The app cannot start: its configuration has 5 problems\n  a.poll"),
                failed.getMessage());
    }

    @Test
    void aGoodConfigurationPasses() {
        new ConfigCheck().positive(Duration.ofSeconds(1), "a.poll").url("https://hq.example:8443", "a.url", false,
                "http", "https").orFail("The app");
    }
}
