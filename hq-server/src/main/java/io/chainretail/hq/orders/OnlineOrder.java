package io.chainretail.hq.orders;

import io.chainretail.core.sync.payload.OrderForStore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An online order at HQ; see V21__online_orders.sql. */
@Entity
@Table(name = "online_order")
public class OnlineOrder extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    public String channel;

    @Column(name = "channel_order_id")
    public String channelOrderId;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "store_code")
    public String storeCode;

    @Enumerated(EnumType.STRING)
    public OrderForStore.Fulfilment fulfilment;

    @Enumerated(EnumType.STRING)
    public OrderState state;

    public int version;

    @Column(name = "store_version")
    public int storeVersion;

    @Column(name = "last_sent_at")
    public Instant lastSentAt;

    @Column(name = "pickup_code")
    public String pickupCode;

    public String customer;

    public String member;

    public String phone;

    public String address;

    @Column(name = "latitude_e6")
    public Integer latitudeE6;

    @Column(name = "longitude_e6")
    public Integer longitudeE6;

    public String currency;

    @Column(name = "total_minor")
    public long totalMinor;

    public boolean paid;

    /** What the order's sale at its store charged; {@code null} before, or when the store did not say. */
    @Column(name = "charged_minor")
    public Long chargedMinor;

    /** What the channel gave back online, in every refund so far. */
    @Column(name = "refunded_minor")
    public long refundedMinor;

    /**
     * What the order owes back online for where it ended: all of it cancelled, or what its sale charged less than
     * paid (a short pick); kept by {@link #owedForState()} as the state moves.
     */
    @Column(name = "owed_minor")
    public long owedMinor;

    /** What the store's tills took back of the order's goods and refunded to its online payment. */
    @Column(name = "returned_minor")
    public long returnedMinor;

    @Column(name = "placed_at")
    public Instant placedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The orders with a refund to make: the query form of {@link #refundDueMinor()}. */
    public static final String REFUND_DUE = "paid = true and owedMinor + returnedMinor > refundedMinor";

    /**
     * What the channel still owes the customer: what the order owes for a cancellation or a short pick, and what
     * a till took back and refunded online, less every refund the channel made. None when it was not paid online.
     */
    public long refundDueMinor() {
        return paid ? Math.max(0, owedMinor + returnedMinor - refundedMinor) : 0;
    }

    /**
     * Sets what the order owes back for the state it has just moved to: all of a cancelled order, what a completed
     * one was charged less than its total; a refunded one keeps what it owed.
     */
    void owedForState() {
        owedMinor = switch (state) {
            case CANCELLED -> totalMinor;
            case COMPLETED -> chargedMinor == null ? 0 : Math.max(0, totalMinor - chargedMinor);
            case REFUNDED -> owedMinor;
            default -> 0;
        };
    }

    public static Optional<OnlineOrder> byChannelId(String channel, String channelOrderId) {
        return find("channel = ?1 and channelOrderId = ?2", channel, channelOrderId).firstResultOptional();
    }

    /** The order as its store is sent it. */
    public OrderForStore forStore(List<OrderLine> lines) {
        return new OrderForStore(orderId, version, channel, channelOrderId, fulfilment, pickupCode, customer, member,
                phone, address, currency, lines.stream().map(OrderLine::toRecord).toList(), totalMinor, paid,
                state == OrderState.CANCELLED, placedAt);
    }
}
