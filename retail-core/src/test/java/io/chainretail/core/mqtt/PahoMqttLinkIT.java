package io.chainretail.core.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The MQTT link against a Mosquitto of the test's own. A link publishing without pause while its broker
 * (with persistence, as a store's or HQ's broker runs) stops and starts again keeps its session and goes on
 * publishing: with Paho's topic aliases the publishes it sent again after the reconnect were refused as a
 * protocol error, and the link was dropped at every reconnect, for good. And a listener registered after the
 * link connected still runs: a store agent whose link connected during its start-up never asked HQ for its
 * catalog. And a message is acknowledged to the broker only once its handler returned: one whose handler never
 * finished (the process died) is sent again to the same session.
 */
class PahoMqttLinkIT {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @Test
    void aLinkPublishingThroughABrokerRestartKeepsPublishing() throws Exception {
        requireMosquitto();
        Path dir = Files.createTempDirectory("broker-restart");
        int port = freePort();
        Path conf = Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1", "allow_anonymous true", "persistence true",
                "persistence_location " + dir + "/", "autosave_interval 1",
                // As root, Mosquitto would switch to its own user, who cannot write the persistence file here.
                "root".equals(System.getProperty("user.name")) ? "user root" : "", ""));
        String url = "tcp://127.0.0.1:" + port;
        Process broker = start(conf, port);
        AtomicLong published = new AtomicLong();
        try (PahoMqttLink link = new PahoMqttLink(MqttSettings.of(url, "restart-it")
                .withSessionExpiry(Duration.ofMinutes(5)))) {
            link.start();
            Thread publisher = new Thread(() -> {
                for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                    // A few topics, each published to again and again: what Paho gave aliases to.
                    link.publish("restart-it/" + (i % 5), new byte[100], false)
                            .thenRun(published::incrementAndGet);
                    if (!link.isConnected()) {
                        pause(5);
                    }
                }
            }, "restart-it-publisher");
            publisher.start();
            try {
                awaitAbove(published, 5_000, "published before the restart");
                broker.destroy();
                broker.waitFor(10, TimeUnit.SECONDS);
                long before = published.get();
                broker = start(conf, port);
                awaitAbove(published, before + 5_000, "published after the restart");
            } finally {
                publisher.interrupt();
                publisher.join(5_000);
            }
        } finally {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aListenerAddedOnceTheLinkIsConnectedRunsAtOnce() throws Exception {
        requireMosquitto();
        int port = freePort();
        Process broker = start(conf("link-listener", port), port);
        try (PahoMqttLink link = new PahoMqttLink(MqttSettings.of("tcp://127.0.0.1:" + port, "listener-it")
                .withSessionExpiry(Duration.ZERO))) {
            link.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!link.isConnected()) {
                assertTrue(System.nanoTime() < deadline, "connected");
                Thread.sleep(10);
            }
            CountDownLatch ran = new CountDownLatch(1);
            link.onConnected(ran::countDown); // as a store's feed subscriber, registered after the link connected
            assertTrue(ran.await(5, TimeUnit.SECONDS), "a listener registered late still learns of the connection");
        } finally {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLinkOnItsSpareBrokerWhileHomeIsDownGoesHomeAtItsNextConnect() throws Exception {
        requireMosquitto();
        int homePort = freePort();
        int sparePort = freePort();
        String home = "tcp://127.0.0.1:" + homePort;
        String spare = "tcp://127.0.0.1:" + sparePort;
        Process spareBroker = start(conf("link-spare", sparePort), sparePort);
        Process homeBroker = null;
        try (PahoMqttLink link = new PahoMqttLink(MqttSettings.of(home + "," + spare, "failover-it")
                .withSessionExpiry(Duration.ZERO))) {
            link.start();
            assertTrue(delivered(link, spare), "home is down: the link is on its spare broker");

            homeBroker = start(conf("link-home", homePort), homePort);
            spareBroker.destroy();
            spareBroker.waitFor(10, TimeUnit.SECONDS);

            assertTrue(delivered(link, home), "the spare is gone: the link is home again");
        } finally {
            spareBroker.destroy();
            if (homeBroker != null) {
                homeBroker.destroy();
                homeBroker.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** True once a message {@code link} publishes reaches a subscriber on the broker at {@code url}. */
    private static boolean delivered(PahoMqttLink link, String url) throws InterruptedException {
        CountDownLatch got = new CountDownLatch(1);
        try (PahoMqttLink observer = new PahoMqttLink(MqttSettings.of(url, "failover-observer")
                .withSessionExpiry(Duration.ZERO))) {
            observer.subscribe("failover/ping", (topic, payload) -> got.countDown());
            observer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // Sent until one arrives: the link may still be connecting, the observer still subscribing.
            while (!got.await(200, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                link.publish("failover/ping", new byte[] {1}, false);
            }
            return true;
        }
    }

    @Test
    void aMessageIsAcknowledgedOnlyOnceItsHandlerReturned() throws Exception {
        requireMosquitto();
        int port = freePort();
        String url = "tcp://127.0.0.1:" + port;
        Process broker = start(conf("link-ack", port), port);
        CountDownLatch release = new CountDownLatch(1);
        try (PahoMqttLink sender = new PahoMqttLink(MqttSettings.of(url, "ack-it-sender"))) {
            sender.start();
            AtomicReference<String> handling = new AtomicReference<>();
            CountDownLatch arrived = new CountDownLatch(1);
            MqttSettings receiver = MqttSettings.of(url, "ack-it-receiver").withSessionExpiry(Duration.ofMinutes(5));
            try (PahoMqttLink first = new PahoMqttLink(receiver)) {
                first.subscribe("ack-it/#", (topic, payload) -> {
                    if (handling.compareAndSet(null, new String(payload, StandardCharsets.UTF_8))) {
                        arrived.countDown();
                        awaitQuietly(release); // the handler has not finished when its link goes away
                    }
                });
                first.start();
                // Until the subscription is in place at the broker, what is sent is not for this session.
                for (int i = 0; arrived.getCount() > 0; i++) {
                    sender.publish("ack-it/x", ("message " + i).getBytes(StandardCharsets.UTF_8), false);
                    arrived.await(100, TimeUnit.MILLISECONDS);
                }
            }
            // The same session again: the broker holds the message whose handler never returned, and sends it again.
            BlockingQueue<String> again = new LinkedBlockingQueue<>();
            try (PahoMqttLink second = new PahoMqttLink(receiver)) {
                second.subscribe("ack-it/#", (topic, payload) ->
                        again.add(new String(payload, StandardCharsets.UTF_8)));
                second.start();
                String expected = handling.get();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                String received;
                do {
                    received = again.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    assertTrue(received != null, "the broker sent '" + expected + "' again");
                } while (!received.equals(expected));
            }
        } finally {
            release.countDown();
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireMosquitto() {
        if (!Files.isExecutable(MOSQUITTO)) {
            String message = "PahoMqttLinkIT needs " + MOSQUITTO + " (apt-get install mosquitto)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + ", and CI must run it.");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
    }

    /** A configuration of a Mosquitto of the test's own, listening on {@code port} without persistence. */
    private static Path conf(String name, int port) throws IOException {
        Path dir = Files.createTempDirectory(name);
        return Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1", "allow_anonymous true", ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process start(Path conf, int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(conf.resolveSibling("mosquitto.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start; see " + conf.resolveSibling("mosquitto.log"));
    }

    private static void awaitAbove(AtomicLong count, long target, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.get() < target) {
            assertTrue(System.nanoTime() < deadline, what + ": " + count.get() + " of " + target);
            Thread.sleep(20);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
