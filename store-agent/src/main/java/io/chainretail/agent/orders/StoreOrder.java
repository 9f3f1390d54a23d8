package io.chainretail.agent.orders;

import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.OrderProgress;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An online order this store works; see V18__online_orders.sql. */
@Entity
@Table(name = "online_order")
public class StoreOrder extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    public int version;

    /** The store's last step with the order. */
    @Enumerated(EnumType.STRING)
    public OrderProgress.Step state;

    public String channel;

    @Column(name = "channel_order_id")
    public String channelOrderId;

    @Enumerated(EnumType.STRING)
    public OrderForStore.Fulfilment fulfilment;

    @Column(name = "pickup_code")
    public String pickupCode;

    public String customer;

    public String member;

    public String phone;

    public String address;

    public String currency;

    @Column(name = "total_minor")
    public long totalMinor;

    public boolean prepaid;

    @Column(name = "placed_at")
    public Instant placedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "ready_at")
    public Instant readyAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A delivery sent out before its goods left with its sale: they left the ledger then (V20). */
    @Column(name = "stock_left")
    public boolean stockLeft;

    /** Whether the order's goods are still in the store, held for the customer. */
    public boolean open() {
        return state == OrderProgress.Step.RECEIVED || state == OrderProgress.Step.PICKED
                || state == OrderProgress.Step.READY;
    }
}
