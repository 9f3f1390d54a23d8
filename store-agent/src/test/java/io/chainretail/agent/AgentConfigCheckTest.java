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
        AgentConfig config = config(Map.ofEntries(Map.entry("agent.chain", "demo"), Map.entry("agent.store", "0001"),
                Map.entry("agent.data-dir", "./x"), Map.entry("agent.mqtt.url", "mqtt://nowhere"),
                Map.entry("agent.uplink.linger", "20s"), Map.entry("agent.lanes.\"01\".scanner-suffix", "TAB"),
                Map.entry("agent.lanes.\"01\".scale", "serial:/dev/ttyS0?baud=fast"),
                Map.entry("agent.lanes.\"01\".scale-protocol", "dibal"),
                Map.entry("agent.lanes.\"01\".printer-profile", "tm-u220"),
                Map.entry("agent.shelves.A1.sensor", "modbus-rtu:/dev/ttyUSB1?parity=even&type=u64"),
                Map.entry("agent.shelves.A1.slots", "COLA-330:120:350:4")));
        assertEquals(List.of(
                "agent.mqtt.url: 'mqtt://nowhere' is not a tcp or ssl URL like tcp://host:port",
                "agent.uplink.linger: PT20S must be shorter than agent.uplink.resend-after (PT10S)",
                "agent.lanes.\"01\".printer-profile: 'tm-u220' is none of generic-80mm, generic-58mm, epson-tm-t88",
                "agent.lanes.\"01\".scanner-suffix: 'TAB' is none of [ANY, CR, LF, CRLF]",
                "agent.lanes.\"01\".scale: serial:/dev/ttyS0?baud=fast: baud=fast: a rate such as 9600 or 19200",
                "agent.lanes.\"01\".scale-protocol: scale protocol dibal is none of cas, toledo-continuous, "
                        + "toledo-request",
                "agent.shelves.\"A1\".sensor: modbus-rtu:/dev/ttyUSB1?parity=even&type=u64: type=u64: one of u16, s16, "
                        + "u32, s32, f32"), AgentConfigCheck.check(config).problems());
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
