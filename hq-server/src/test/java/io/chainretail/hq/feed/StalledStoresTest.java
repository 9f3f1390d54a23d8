package io.chainretail.hq.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.StoreStatus;
import io.chainretail.core.sync.payload.SyncDeltas;
import io.chainretail.core.time.MovableClock;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.chainretail.hq.syncstatus.StoreSyncService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store whose request for the last deltas was lost (it reports the same position behind HQ's feed, and asks
 * nothing) is sent them unasked once it has stood still for {@code hq.sync.stalled-after}.
 */
@QuarkusTest
class StalledStoresTest {

    @Inject
    StalledStores stalled;
    @Inject
    StoreSyncService sync;
    @Inject
    FeedOutbox outbox;
    @Inject
    HqConfig config;
    @Inject
    EmbeddedBroker broker;
    @Inject
    BrokerAccounts accounts;

    private final MovableClock clock = new MovableClock();
    private final SyncCodec codec = new SyncCodec();
    private final Topics topics = new Topics("demo");

    @BeforeEach
    void moveTimeByHand() {
        QuarkusMock.installMockForType(clock, InstantSource.class);
    }

    @Test
    void aStoreStandingBehindIsSentTheRestUnasked() throws Exception {
        String store = "0071";
        BlockingQueue<Long> answeredUpTo = new LinkedBlockingQueue<>();
        try (PahoMqttLink link = new PahoMqttLink(MqttSettings.of(broker.url(), "stalled-test-" + UUID.randomUUID())
                .withSessionExpiry(Duration.ZERO).withCredentials(accounts.hqUsername(), accounts.hqPassword()))) {
            link.subscribe(topics.syncReply(store), (topic, bytes) -> answeredUpTo.add(lastSeqOf(bytes)));
            link.start();
            waitUntilSubscribed(link, topics.syncReply(store));

            long head = QuarkusTransaction.requiringNew().call(() -> outbox.append(
                    new ChainPrice("STALL-TEST", 150, "CNY")));
            reportAt(store, head - 1);
            stalled.answerStalled(); // first seen behind now
            clock.advance(config.sync().stalledAfter());
            reportAt(store, head - 1);
            stalled.answerStalled();

            Long answered = answeredUpTo.poll(10, TimeUnit.SECONDS);
            assertNotNull(answered, "the store was sent what it misses");
            assertEquals(head, answered, "up to HQ's last delta");
        }
    }

    private void reportAt(String store, long pricesSeq) {
        sync.record(store, new StoreStatus(StoreStatus.ONLINE, Map.of("prices", pricesSeq), Map.of()),
                clock.instant());
    }

    private long lastSeqOf(byte[] bytes) {
        try {
            Envelope<?> reply = codec.decode(bytes);
            if (reply.payload() instanceof SyncDeltas deltas) {
                return deltas.deltas().get(deltas.deltas().size() - 1).seq();
            }
            return reply.payloadAs(SnapshotChunk.class).asOfSeq();
        } catch (MalformedMessageException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntilSubscribed(PahoMqttLink link, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!link.isSubscribed(topic)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not subscribe to " + topic);
            }
            Thread.sleep(10);
        }
    }
}
