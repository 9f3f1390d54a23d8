package io.chainretail.agent.replica;

import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A promotion the store's manager runs on their own (see V11__local_promotions.sql): store data, not
 * HQ's, kept beside the replica because the till's engine runs it with HQ's promotions.
 */
@Entity
@Table(name = "local_promotion")
public class LocalPromotion extends PanacheEntityBase {

    private static final SyncCodec CODEC = new SyncCodec();

    @Id
    public String code;

    /** The {@link Promotion} as JSON. */
    public String promotion;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public static List<LocalPromotion> running() {
        return list("endedAt is null order by code");
    }

    public Promotion asPromotion() {
        return read(promotion);
    }

    /** A promotion from its JSON as this table keeps it. */
    static Promotion read(String json) {
        try {
            return CODEC.readPayload(json, Promotion.class);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("a local promotion is unreadable: " + e.getMessage(), e);
        }
    }

    public void set(Promotion value) {
        promotion = CODEC.payloadJson(value);
    }
}
