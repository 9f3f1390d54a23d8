package io.chainretail.agent.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One product counted: what the books held then and what was on the shelf. */
@Entity
@Table(name = "stock_count_line")
public class StockCountLine extends PanacheEntityBase {

    /** A count's line is its product. */
    @Embeddable
    public record Key(@Column(name = "count_id") String countId, String sku) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public long expected;

    public long counted;

    @Column(name = "counted_at")
    public Instant countedAt;
}
