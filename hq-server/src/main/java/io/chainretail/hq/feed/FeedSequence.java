package io.chainretail.hq.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last sequence number of a feed. Its row is locked by every change, so numbers never repeat or skip. */
@Entity
@Table(name = "feed_sequence")
public class FeedSequence extends PanacheEntityBase {

    @Id
    public String feed;

    @Column(name = "last_seq")
    public long lastSeq;
}
