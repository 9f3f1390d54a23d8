package io.chainretail.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store agent refuses to start on a wrong setting, naming each key and what to write. */
class AgentConfigCheckTest {

    @Test
    void namesEveryWrongSetting() {
        AgentConfig config = config(Map.of("agent.chain", "demo", "agent.store", "0001", "agent.data-dir", "./x",
                "agent.mqtt.url", "mqtt://nowhere", "agent.uplink.linger", "20s",
                "agent.lanes.\"01\".scanner-suffix", "TAB", "agent.lanes.\"01\".scale", "serial:/dev/ttyS0?baud=fast",
                "agent.lanes.\"01\".scale-protocol", "dibal", "agent.lanes.\"01\".printer-profile", "tm-u220"));
        assertEquals(List.of(
                "agent.mqtt.url: 'mqtt://nowhere' is not a tcp or ssl URL like tcp://host:port",
                "agent.uplink.linger: PT20S must be shorter than agent.uplink.resend-after (PT10S)",
                "agent.lanes.\"01\".printer-profile: 'tm-u220' is none of generic-80mm, generic-58mm, epson-tm-t88",
                "agent.lanes.\"01\".scanner-suffix: 'TAB' is none of [ANY, CR, LF, CRLF]",
                "agent.lanes.\"01\".scale: For input string: \"fast\"",
                "agent.lanes.\"01\".scale-protocol: scale protocol dibal is none of cas, toledo-continuous, "
                        + "toledo-request"), AgentConfigCheck.check(config).problems());
    }

    @Test
    void theDefaultsPass() {
        assertEquals(List.of(), AgentConfigCheck.check(config(Map.of("agent.chain", "demo", "agent.store", "0001",
                "agent.data-dir", "./x", "agent.mqtt.url", "tcp://127.0.0.1:1884"))).problems());
    }

    private static AgentConfig config(Map<String, String> properties) {
        // Durations as Quarkus reads them (5s, 15m), as in application.properties.
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AgentConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(AgentConfig.class);
    }
}
