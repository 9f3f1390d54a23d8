package io.chainretail.hq.members;

import io.chainretail.core.sync.payload.MemberChange;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member of the loyalty scheme; HQ is the book of record for the points balance. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    @Column(name = "card_no")
    public String cardNo;

    public String phone;

    public String name;

    public String tier;

    @Column(name = "points_balance")
    public long pointsBalance;

    @Column(name = "offline_redeem_limit")
    public long offlineRedeemLimit;

    public boolean active;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public MemberChange toRecord() {
        return new MemberChange(cardNo, phone, name, tier, pointsBalance, offlineRedeemLimit, active);
    }
}
