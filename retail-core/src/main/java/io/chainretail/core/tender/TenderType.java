package io.chainretail.core.tender;

/**
 * How a customer pays, or is refunded. The journal carries the name ({@code SaleCompleted.Tender.type}), so a
 * store that learns a new tender does not have its sales refused by an HQ that does not know it yet; the till's
 * API takes only these.
 */
public enum TenderType {
    /** Notes and coins; the only tender that can be overpaid to give change. */
    CASH,
    /** A bank card on the lane's own terminal; the slip's reference goes along. */
    CARD,
    /** A gift voucher, by its number. */
    VOUCHER,
    /** A member's loyalty points, at the chain's value per point. */
    POINTS,
    /**
     * Paid in the online channel before the customer collected the order: only an online order's handover at a
     * till records it, so HQ's reconciliation counts that money apart from the drawer's and the card terminal's.
     */
    ONLINE;

    /** Whether a tender recorded by name is this one. */
    public boolean named(String type) {
        return name().equals(type);
    }
}
