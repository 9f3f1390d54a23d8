package io.chainretail.hq.promotions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A promotion as HQ stores it: the canonical JSON of its retail-core {@code Promotion} record, so
 * what HQ publishes, previews and audits is exactly what the stores evaluate.
 */
@Entity
@Table(name = "promotion")
public class StoredPromotion extends PanacheEntityBase {

    @Id
    public String code;

    public int version;

    public boolean active;

    public String definition;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
