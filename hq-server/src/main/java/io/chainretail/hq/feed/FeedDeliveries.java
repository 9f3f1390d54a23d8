package io.chainretail.hq.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each broker has the change feed ({@code feed_delivery}): per broker and feed, the last sequence number
 * the broker acknowledged. A feed's sequence numbers are handed out under a lock held to commit, so they commit
 * in order and a position is all a broker needs. Only the leading instance writes here.
 */
@ApplicationScoped
public class FeedDeliveries {

    private final EntityManager entities;
    /**
     * Per feed, the last delta this instance knows every broker has, so that a round need not look it up: finding
     * it in the outbox means reading past every delta not yet published, a whole import's worth. It starts from the
     * outbox and may lag behind it after another instance led for a while, which only costs marking again.
     */
    private final Map<String, Long> publishedToAll = new ConcurrentHashMap<>();

    public FeedDeliveries(EntityManager entities) {
        this.entities = entities;
    }

    /** The last sequence number of each feed, for the feeds that have one. */
    public Map<String, Long> feedEnds() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> ends = new HashMap<>();
            for (FeedSequence sequence : FeedSequence.<FeedSequence>listAll()) {
                ends.put(sequence.feed, sequence.lastSeq);
            }
            return ends;
        });
    }

    /**
     * Where {@code broker} is in each of {@code feeds}: its recorded position, or for a broker first seen the last
     * delta published to every broker.
     */
    public Map<String, Long> positions(String broker, Collection<String> feeds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> positions = new HashMap<>();
            for (Object[] row : rows("select feed, seq from feed_delivery where broker = ?1", broker)) {
                positions.put((String) row[0], ((Number) row[1]).longValue());
            }
            for (String feed : feeds) {
                positions.computeIfAbsent(feed, this::publishedToAll);
            }
            return positions;
        });
    }

    private long publishedToAll(String feed) {
        return publishedToAll.computeIfAbsent(feed, this::lastPublished);
    }

    private long lastPublished(String feed) {
        Number last = (Number) entities.createNativeQuery(
                "select max(seq) from feed_outbox where feed = ?1 and published_at is not null")
                .setParameter(1, feed).getSingleResult();
        return last == null ? 0 : last.longValue();
    }

    /**
     * The next deltas of {@code feed} after {@code position}, in order. Ordered by the whole (feed, seq) index so
     * that H2 reads it in order and stops at the limit: ordered by {@code seq} alone, it sorted every delta not yet
     * published for each batch, and a 100,000-product import took four times as long to publish.
     */
    public List<OutboxEntry> after(String feed, long position, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>find(
                "feed = ?1 and seq > ?2 order by feed, seq", feed, position).page(0, limit).list());
    }

    /** Records that {@code broker} acknowledged {@code feed} up to {@code seq}. */
    public void advance(String broker, String feed, long seq) {
        QuarkusTransaction.requiringNew().run(() -> {
            int updated = entities.createNativeQuery(
                    "update feed_delivery set seq = ?3 where broker = ?1 and feed = ?2")
                    .setParameter(1, broker).setParameter(2, feed).setParameter(3, seq).executeUpdate();
            if (updated == 0) {
                entities.createNativeQuery("insert into feed_delivery (broker, feed, seq) values (?1, ?2, ?3)")
                        .setParameter(1, broker).setParameter(2, feed).setParameter(3, seq).executeUpdate();
            }
        });
    }

    /**
     * Marks the deltas that every broker acknowledged as published, so that retention may delete them; returns
     * how many were marked. {@code positions} holds each configured broker's position in each feed.
     */
    public int markPublished(Collection<Map<String, Long>> positions, Collection<String> feeds, Instant at) {
        Map<String, Long> reached = new HashMap<>();
        int marked = QuarkusTransaction.requiringNew().call(() -> {
            int count = 0;
            for (String feed : feeds) {
                long published = publishedToAll(feed);
                long everywhere = positions.stream().mapToLong(p -> p.getOrDefault(feed, published)).min()
                        .orElse(published);
                if (everywhere > published) {
                    count += OutboxEntry.update("publishedAt = ?1 where feed = ?2 and seq > ?3 and seq <= ?4"
                            + " and publishedAt is null", at, feed, published, everywhere);
                    reached.put(feed, everywhere);
                }
            }
            return count;
        });
        publishedToAll.putAll(reached); // only once committed
        return marked;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter) {
        return entities.createNativeQuery(sql).setParameter(1, parameter).getResultList();
    }
}
