package io.chainretail.hq.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each broker's place in the change feed. The feed here has no sequence row, so the running publisher leaves it
 * alone and the test alone moves it.
 */
@QuarkusTest
class FeedDeliveriesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    @Inject
    FeedDeliveries deliveries;

    @Inject
    EntityManager entities;

    @Test
    void aBrokerFirstSeenStartsAtTheLastDeltaEveryBrokerHas() {
        String feed = feedOfFive(2);
        assertEquals(Map.of(feed, 2L), deliveries.positions("tcp://new-broker:1883", List.of(feed)));
        assertEquals(List.of(3L, 4L), deliveries.after(feed, 2, 2).stream().map(e -> e.seq).toList());
    }

    @Test
    void aBrokersPositionIsWhatItLastAcknowledged() {
        String feed = feedOfFive(0);
        deliveries.advance("tcp://a:1883", feed, 4);
        deliveries.advance("tcp://a:1883", feed, 5);
        assertEquals(Map.of(feed, 5L), deliveries.positions("tcp://a:1883", List.of(feed)));
        assertEquals(Map.of(feed, 0L), deliveries.positions("tcp://b:1883", List.of(feed)));
    }

    @Test
    void aDeltaIsPublishedOnlyOnceEveryBrokerHasIt() {
        String feed = feedOfFive(2);
        assertEquals(2, deliveries.markPublished(List.of(Map.of(feed, 5L), Map.of(feed, 4L)), List.of(feed), NOW),
                "deltas 3 and 4: the slower broker has them");
        assertEquals(Map.of(feed, 4L), deliveries.positions("tcp://new-broker:1883", List.of(feed)));
        assertEquals(0, deliveries.markPublished(List.of(Map.of(feed, 5L), Map.of()), List.of(feed), NOW),
                "a broker without a position holds at what every broker has");
    }

    /** A feed of five deltas, of which the first {@code published} are published to every broker. */
    private String feedOfFive(int published) {
        String feed = "test-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int seq = 1; seq <= 5; seq++) {
                entities.createNativeQuery("insert into feed_outbox (feed, seq, event_id, schema_id, payload, "
                        + "occurred_at) values (?1, ?2, ?3, 'price.v1', '{}', ?4)").setParameter(1, feed)
                        .setParameter(2, seq).setParameter(3, UUID.randomUUID().toString())
                        .setParameter(4, Timestamp.from(NOW)).executeUpdate();
            }
            entities.createNativeQuery("update feed_outbox set published_at = ?1 where feed = ?2 and seq <= ?3")
                    .setParameter(1, Timestamp.from(NOW)).setParameter(2, feed).setParameter(3, published)
                    .executeUpdate();
        });
        return feed;
    }
}
