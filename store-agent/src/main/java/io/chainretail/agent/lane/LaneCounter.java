package io.chainretail.agent.lane;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lane's last receipt and Z report numbers; locked and incremented in the transaction that uses them. */
@Entity
@Table(name = "lane_counter")
public class LaneCounter extends PanacheEntityBase {

    @Id
    public String lane;

    @Column(name = "last_receipt")
    public long lastReceipt;

    @Column(name = "last_z")
    public long lastZ;
}
