package io.chainretail.hq.orders;

import java.util.EnumSet;
import java.util.Set;

/** Where an online order stands, as HQ's order centre records it. */
public enum OrderState {
    /** Taken from the channel, routed and its stock reserved at the store. */
    PLACED,
    /** A broker took it for the store. */
    SENT_TO_STORE,
    /** The store's journal says it holds the order. */
    ACCEPTED,
    PICKED,
    READY,
    OUT_FOR_DELIVERY,
    /** The customer has the goods; for a pickup, at the till. */
    COMPLETED,
    CANCELLED,
    REFUNDED;

    /**
     * The states whose order still holds its stock at the store: the goods leave the store's books with the sale a
     * till records at handover, or for a delivery when its driver is back. (A store agent older than that took a
     * delivery's goods off its books when it was sent out: its deliveries on the road are counted twice until
     * delivered, which only makes HQ promise less.)
     */
    public static final Set<OrderState> RESERVING = EnumSet.of(PLACED, SENT_TO_STORE, ACCEPTED, PICKED, READY,
            OUT_FOR_DELIVERY);

    private static final Set<OrderState> CANCELLABLE = EnumSet.of(PLACED, SENT_TO_STORE, ACCEPTED, PICKED, READY);

    /** Whether the order can still be cancelled by the channel: the goods have not left the store. */
    public boolean cancellable() {
        return CANCELLABLE.contains(this);
    }
}
