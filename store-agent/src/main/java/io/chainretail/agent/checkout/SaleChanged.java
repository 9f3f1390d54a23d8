package io.chainretail.agent.checkout;

/**
 * A sale at a lane as it stands after a change (a line scanned or voided, a member or coupon, suspended, paid):
 * fired after the change is saved, for what shows the sale to the customer.
 */
public record SaleChanged(String lane, SaleView sale) {
}
