package io.chainretail.hq.syncstatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The last sequence a store reported having applied from one feed. */
@Entity
@Table(name = "store_feed_position")
public class StoreFeedPosition extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "applied_seq")
    public long appliedSeq;

    @Column(name = "reported_at")
    public Instant reportedAt;

    /** The store's replica hash of the feed, or {@code null} if it has not reported one. */
    @Column(name = "reported_hash")
    public String reportedHash;

    /** The sequence {@code reportedHash} was computed at. */
    @Column(name = "hash_seq")
    public Long hashSeq;

    /** Store and feed. */
    @Embeddable
    public record Key(@Column(name = "store_code") String storeCode, String feed) implements Serializable {
    }
}
