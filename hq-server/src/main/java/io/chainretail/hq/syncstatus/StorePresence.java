package io.chainretail.hq.syncstatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store's last reported state ({@code online} or {@code offline}) and when HQ last heard from it. */
@Entity
@Table(name = "store_presence")
public class StorePresence extends PanacheEntityBase {

    @Id
    @Column(name = "store_code")
    public String storeCode;

    public String state;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
}
