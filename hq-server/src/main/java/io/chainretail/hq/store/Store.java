package io.chainretail.hq.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store of the chain, known by its code. */
@Entity
@Table(name = "store")
public class Store extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String currency;

    @Column(name = "created_at")
    public Instant createdAt;
}
