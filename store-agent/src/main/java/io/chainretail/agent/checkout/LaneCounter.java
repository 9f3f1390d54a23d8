package io.chainretail.agent.checkout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last receipt number of a lane; locked and incremented in each sale's transaction. */
@Entity
@Table(name = "lane_counter")
public class LaneCounter extends PanacheEntityBase {

    @Id
    public String lane;

    @Column(name = "last_receipt")
    public long lastReceipt;
}
