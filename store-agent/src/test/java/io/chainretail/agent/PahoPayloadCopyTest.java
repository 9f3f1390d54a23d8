package io.chainretail.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.mqtt.PahoMqttLink;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The application copies received MQTT payloads in bulk: Paho's byte-at-a-time {@code CountingInputStream} is
 * left out (application.properties), so retail-core's stand-in is the only one, whatever the class path order.
 */
@QuarkusTest
class PahoPayloadCopyTest {

    @Test
    void retailCoresCountingInputStreamIsTheOnlyOne() {
        assertEquals(Optional.empty(), PahoMqttLink.payloadCopyProblem());
    }
}
