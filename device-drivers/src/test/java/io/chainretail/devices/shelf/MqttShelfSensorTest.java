package io.chainretail.devices.shelf;

import static io.chainretail.devices.shelf.ModbusShelfIT.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.mqtt.MqttLink;
import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An MQTT/JSON shelf through a real broker: whole-shelf and per-slot messages counted like a Modbus
 * shelf's, malformed payloads refused and counted without changing a count, a silent shelf reported.
 */
class MqttShelfSensorTest {

    private static TestBroker broker;
    private static MqttLink publisher;

    @BeforeAll
    static void start() throws Exception {
        broker = new TestBroker();
        publisher = new PahoMqttLink(MqttSettings.of(broker.url(), "shelf-gateway").withSessionExpiry(Duration.ZERO));
        publisher.start();
        Await.until(publisher::isConnected, "the gateway is connected");
    }

    @AfterAll
    static void stop() throws Exception {
        publisher.close();
        broker.close();
    }

    @Test
    void countsWhatTheShelfPublishesAndRefusesGarbage() throws Exception {
        MqttShelfSensor sensor = MqttShelfSensor.on(broker.url(), "store-0001-shelf-b2", "shelves/b2",
                Duration.ofSeconds(30));
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        WeighingShelf shelf = new WeighingShelf("b2", sensor, List.of(new Slot("TEA-100", 50, 100, 1),
                new Slot("SOAP-90", 10, 90, 2)), Duration.ofMillis(50));
        shelf.addListener(events::add);
        shelf.open();
        try {
            reportUntil("shelves/b2", "{\"grams\":[" + (50 + 4 * 100) + "," + (10 + 5 * 90) + "]}",
                    () -> units(shelf, 0) == 4 && units(shelf, 1) == 5, "4 teas and 5 soaps counted");
            reportUntil("shelves/b2", "{\"slot\":1,\"grams\":" + (10 + 2 * 90) + "}", () -> units(shelf, 1) == 2,
                    "three soaps taken");
            assertTrue(shelf.slot(1).orElseThrow().low(), "2 soaps is the low-stock level");

            for (String garbage : List.of("not json", "{\"grams\":\"heavy\"}", "{\"grams\":[-5,3]}",
                    "{\"slot\":-1,\"grams\":5}", "{\"weights\":[1,2]}", "\u0000\u00ff")) {
                publish("shelves/b2", garbage);
            }
            // Refused on arrival, before any reading is made of them: counted refused is done with.
            Await.until(() -> sensor.rejected() == 6, "all six malformed payloads refused");
            assertEquals(4, units(shelf, 0), "nothing refused changed a count");
            assertEquals(2, units(shelf, 1));
        } finally {
            shelf.close();
        }
    }

    @Test
    void aShelfThatFallsSilentIsReportedAndHeardAgain() throws Exception {
        MqttShelfSensor sensor = MqttShelfSensor.on(broker.url(), "store-0001-shelf-c1", "shelves/c1",
                Duration.ofMillis(800));
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        WeighingShelf shelf = new WeighingShelf("c1", sensor, List.of(new Slot("GUM-20", 5, 20, 3)),
                Duration.ofMillis(50));
        shelf.addListener(events::add);
        shelf.open();
        try {
            Await.until(() -> events.stream().anyMatch(e -> e instanceof DeviceEvent.Error error
                    && error.message().contains("no reading on shelves/c1")), "the silent shelf is reported");
            reportUntil("shelves/c1", "{\"grams\":[" + (5 + 10 * 20) + "]}", () -> units(shelf, 0) == 10,
                    "10 packs counted once it speaks");
        } finally {
            shelf.close();
        }
    }

    /** Publishes every 100 ms, as a shelf reports periodically, until {@code done}. */
    private static void reportUntil(String topic, String payload, BooleanSupplier done, String what)
            throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            publish(topic, payload);
            Thread.sleep(100);
        }
    }

    private static void publish(String topic, String payload) throws Exception {
        publisher.publish(topic, payload.getBytes(StandardCharsets.ISO_8859_1), false).get();
    }
}
