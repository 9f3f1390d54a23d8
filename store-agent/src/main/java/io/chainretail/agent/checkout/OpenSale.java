package io.chainretail.agent.checkout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A basket being rung up or suspended, saved after every change so a restart does not lose it. */
@Entity
@Table(name = "open_sale")
public class OpenSale extends PanacheEntityBase {

    @Id
    @Column(name = "sale_id")
    public String saleId;

    public String lane;

    public String cashier;

    public boolean suspended;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The basket as {@link DraftStore.Saved} JSON: the scanned codes, member and coupons, not prices. */
    public String payload;
}
