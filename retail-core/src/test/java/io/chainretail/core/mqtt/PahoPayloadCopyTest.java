package io.chainretail.core.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/** retail-core's stand-in for Paho's {@link CountingInputStream}: bulk reads, counted, and Paho still decodes. */
class PahoPayloadCopyTest {

    @Test
    void theStandInIsLoadedFirst() throws Exception {
        // Paho's own is on this module's class path too, after it; the applications leave Paho's out. Only the
        // stand-in reads in bulk: Paho's inherits FilterInputStream's read(byte[], int, int).
        assertEquals(CountingInputStream.class, CountingInputStream.class.getMethod("read", byte[].class, int.class,
                int.class).getDeclaringClass(), "retail-core's CountingInputStream, with its own bulk read");
    }

    @Test
    void countsWhatIsReadOneByOneAndInBulk() throws IOException {
        CountingInputStream counting = new CountingInputStream(new ByteArrayInputStream(new byte[100]));
        counting.read();
        assertEquals(40, counting.read(new byte[40], 0, 40));
        assertEquals(59, counting.read(new byte[80], 0, 80));
        assertEquals(-1, counting.read(new byte[10], 0, 10));
        assertEquals(100, counting.getCounter());
        counting.resetCounter();
        assertEquals(0, counting.getCounter());
    }

    @Test
    void pahoDecodesALargePublishThroughIt() throws Exception {
        byte[] payload = new byte[300_000];
        new Random(7).nextBytes(payload);
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        MqttPublish sent = new MqttPublish("retail/v1/demo/store/0001/up/sale", message, new MqttProperties());
        sent.setMessageId(42);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(sent.getHeader());
        wire.write(sent.getPayload());

        MqttPublish received = (MqttPublish) MqttWireMessage.createWireMessage(wire.toByteArray());

        assertEquals("retail/v1/demo/store/0001/up/sale", received.getTopicName());
        assertEquals(42, received.getMessageId());
        assertArrayEquals(payload, received.getMessage().getPayload());
    }
}
