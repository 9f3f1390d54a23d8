package io.chainretail.agent.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last sequence number applied from a feed. */
@Entity
@Table(name = "feed_state")
public class FeedState extends PanacheEntityBase {

    @Id
    public String feed;

    @Column(name = "last_seq")
    public long lastSeq;
}
