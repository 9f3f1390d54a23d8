package io.chainretail.hq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/**
 * The application copies received MQTT payloads in bulk: Paho's byte-at-a-time {@code CountingInputStream}
 * is left out (application.properties) and retail-core's stand-in is the only one the application sees.
 */
@QuarkusTest
class PahoPayloadCopyTest {

    @Test
    void onlyRetailCoresCountingInputStreamIsLoaded() throws Exception {
        String resource = CountingInputStream.class.getName().replace('.', '/') + ".class";
        List<URL> copies = Collections.list(CountingInputStream.class.getClassLoader().getResources(resource));
        assertEquals(1, copies.size(), "copies of CountingInputStream: " + copies);
        CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class);
    }
}
