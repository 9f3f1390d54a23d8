package io.chainretail.core.error;

/**
 * Every reason the three applications give for refusing a request: the machine-readable code a client
 * branches on, the HTTP status it is answered with, and a sentence saying what it means. A refusal's own
 * message says it for the case at hand; the sentence is what the API documentation lists for each
 * operation ({@code Refuses} on the endpoint).
 */
public enum ErrorCode {

    // 400: the request itself is malformed.
    INVALID_FIELD(400, "A field of the request is malformed or missing; `field` names it."),
    BODY_REQUIRED(400, "The operation needs a JSON body and none (or null) was sent."),
    MALFORMED_JSON(400, "The body is not well-formed JSON."),
    UNREADABLE_BODY(400, "The body is JSON, but not of the shape this operation takes; `field` names the value."),
    MISSING_PARAMETER(400, "A query parameter the operation needs is missing."),
    INVALID_PAGE(400, "Pages count from 0 and hold 1 to 500 rows."),
    INVALID_RANGE(400, "The period's end is before its start, or the period is too long."),
    INVALID_KIND(400, "The kind is not one this operation knows."),
    INVALID_ROLE(400, "The role is not one of hq-admin, hq-staff, store-manager or cashier."),
    INVALID_PIN(400, "A PIN is 4 to 8 digits."),
    INVALID_TILL_ID(400, "A till id is 3 to 8 digits, as the till's keypad types them."),
    LANE_INVALID(400, "A lane is 1 to 16 letters, digits, '-' or '_'."),
    KEY_MISMATCH(400, "The key in the path and the one in the body differ."),
    NOTE_TOO_LONG(400, "The note is longer than the operation takes."),
    REASON_REQUIRED(400, "Goods written off need a reason in the note."),
    PASSWORD_REQUIRED(400, "A new user needs a password."),
    PASSWORD_TOO_SHORT(400, "The password is shorter than the chain's minimum."),
    STORE_REQUIRED(400, "A store manager or cashier belongs to a store: name it."),
    NO_STORE_FOR_HQ_ROLE(400, "HQ staff work for the whole chain: name no store."),
    NOT_A_STORE_ROLE(400, "Only cashiers and store managers have till ids."),
    OUTSIDE_COUNT(400, "The product is not in the category the stock count covers."),
    CATEGORY_CYCLE(400, "A category cannot move under its own branch."),
    UNKNOWN_TAX_CLASS(400, "The tax class named does not exist: create it first."),
    UNKNOWN_CATEGORY(400, "The category named does not exist: create it first."),
    UNKNOWN_BRAND(400, "The brand named does not exist: create it first."),
    UNKNOWN_REGION(400, "The region named does not exist: create it first."),
    UNKNOWN_MEMBER_TIER(400, "The member tier named does not exist: create it first."),
    PRICE_OUT_OF_BOUNDS(400, "The store's price is outside the bounds HQ allows for it."),
    OVER_LOCAL_LIMIT(400, "The promotion is deeper than HQ lets this store go on its own."),
    VALUE_NOT_STORABLE(400, "A value is too long or out of range for the database."),
    CSV_REJECTED(400, "The file was refused whole; `problems` lists each line, column and reason."),

    // 401: who is asking is not known.
    NOT_SIGNED_IN(401, "Sign in first: the session is missing or has ended."),
    SIGNED_OUT(401, "Nobody is signed in at this lane."),
    BAD_CREDENTIALS(401, "Unknown user or wrong password or PIN."),
    PIN_LOCKED(401, "Too many wrong PINs: sign-in is locked for a while."),
    LANE_NOT_PAIRED(401, "The lane is not paired with the store server: ask the manager for a pairing code."),
    PAIRING_CODE_WRONG(401, "The pairing code is wrong, expired or used: ask for a new one."),

    // 403: known, but not allowed.
    OTHER_STORE(403, "You can see and change your own store's data only."),
    OTHER_LANE(403, "The sale belongs to another lane."),
    NOT_A_MANAGER(403, "Only a store manager can do this."),
    NOT_A_TILL(403, "A manager console session cannot be used at a till."),
    MANAGER_APPROVAL_REQUIRED(403, "A manager's id and PIN must approve this."),
    LOCAL_PROMOTIONS_NOT_ALLOWED(403, "HQ does not let this store run promotions of its own."),
    CROSS_SITE(403, "The till takes changes only from its own page."),

    // 404: what the request names does not exist.
    UNKNOWN_PRODUCT(404, "There is no active product with this SKU."),
    UNKNOWN_BARCODE(404, "No product has this barcode or PLU."),
    UNKNOWN_STORE(404, "There is no store with this code."),
    UNKNOWN_MEMBER(404, "No active member has this card or phone."),
    NO_MEMBER(404, "There is no member with this card."),
    NO_USER(404, "There is no user with this name."),
    NOT_ON_SALE(404, "The product is not sold in this store."),
    NO_PRICE(404, "The product has no price at this store."),
    NO_REGIONAL_PRICE(404, "The product has no price in this region."),
    NO_TIER_PRICE(404, "The product has no price for this member tier."),
    NO_PRICE_BOUNDS(404, "There are no such price bounds."),
    NO_OVERRIDE(404, "The store has no price of its own for this product."),
    NO_PROMOTION(404, "There is no such chain promotion."),
    NO_SUCH_PROMOTION(404, "The store runs no such promotion of its own."),
    NO_SUCH_SALE(404, "There is no such open sale."),
    NO_SUSPENDED_SALE(404, "There is no such suspended sale."),
    NO_SUCH_LINE(404, "The sale has no such line."),
    NO_SUCH_RECEIPT(404, "There is no such receipt in this store."),
    NOT_QUARANTINED(404, "No such event is held in the quarantine."),
    UNKNOWN_ORDER(404, "There is no such online order."),
    UNKNOWN_COUNT(404, "There is no such stock count."),
    UNKNOWN_PICKUP_CODE(404, "No online order of this store has this pickup code."),

    // 409: it clashes with the current state.
    CONFLICT(409, "It clashes with what is stored."),
    SKU_EXISTS(409, "A product with this SKU exists already: change it with PUT."),
    STORE_EXISTS(409, "A store with this code exists already."),
    BARCODE_IN_USE(409, "The barcode belongs to another product."),
    PLU_IN_USE(409, "The PLU belongs to another product."),
    PHONE_IN_USE(409, "The phone belongs to another member."),
    TILL_ID_TAKEN(409, "The till id belongs to another user."),
    ALREADY_RESOLVED(409, "The held event was already retried or dismissed."),
    STILL_REFUSED(409, "The held event still cannot be stored with HQ's current rules."),
    ORDER_ID_REUSED(409, "The channel already placed an order under this id, with other contents."),
    NOT_ENOUGH_STOCK(409, "The store has fewer units available than ordered."),
    NO_STORE_CAN_FULFIL(409, "No store can fulfil the order now; the message says why for each store."),
    COUNT_OPEN(409, "Another stock count is open: post or cancel it first."),
    COUNT_CLOSED(409, "The stock count is posted or cancelled."),
    ORDER_CANCELLED(409, "The online order was cancelled: do not hand it over."),
    ORDER_NOT_READY(409, "The online order is not picked and ready yet."),
    PAYMENT_DUE(409, "The customer pays for the online order at pickup: take the payment first."),
    ORDER_CLOSED(409, "The order is completed, cancelled or refunded, or past the step this needs."),
    STORE_NOT_SYNCED(409, "The store has not received its details from HQ yet."),
    NO_SHIFT(409, "The lane has no open shift: count the float into the drawer first."),
    SHIFT_ALREADY_OPEN(409, "The lane's shift is open already."),
    NO_SALE(409, "There is no open sale at this lane: scan an item first."),
    SALE_OPEN(409, "Finish or suspend the open sale first."),
    SALE_SUSPENDED(409, "The sale is suspended: resume it first."),
    EMPTY_SALE(409, "Scan at least one item before taking payment."),
    ALREADY_VOIDED(409, "The line is voided already."),
    ALREADY_RETURNED(409, "Items of this sale were returned already: it cannot be voided."),
    VOID_OTHER_SHIFT(409, "Only a sale of the lane's current shift can be voided."),
    CASH_SHORT(409, "The drawer holds less cash than the refund."),
    CURRENCY_MISMATCH(409, "The item is priced in another currency than the sale."),
    NO_PRINTER(409, "The lane has no printer."),
    SCALE_NOT_SETTLED(409, "The scale is still moving: wait for it to settle."),
    SCALE_OVERLOAD(409, "The item is heavier than the scale can weigh."),
    SCALE_UNDER_ZERO(409, "The scale reads below zero: empty it and zero it."),
    SCALE_EMPTY(409, "The scale reads nothing: put the item on it."),
    SCALE_NOT_KILOGRAMS(409, "The scale weighs in another unit than kilograms: set it to kg."),
    SCALE_SILENT(409, "The scale is not answering: key the weight in, or check the scale and its cable."),

    // 411 and 413: the body's size.
    LENGTH_REQUIRED(411, "Send the body with a Content-Length."),
    BODY_TOO_LARGE(413, "The body is larger than this endpoint takes."),

    // 429: too many of something in too short a time.
    TOO_MANY_ORDERS(429, "Too many orders from this address within the hour: try again later."),

    // 422: the request is well formed but breaks a rule.
    INVALID_BARCODE(422, "The barcode was misread: its check digit or length is wrong. Scan again or key it in."),
    INVALID_QUANTITY(422, "The quantity is out of the range the operation takes."),
    WEIGHT_NEEDED(422, "The item is sold by weight: weigh it or scan its scale label."),
    INVALID_DAY(422, "A day is written as an ISO date, e.g. 2026-11-30."),
    INVALID_COUPON(422, "A coupon code is 1 to 64 letters, digits, '.', '_' or '-'."),
    INVALID_COUNT(422, "A counted number of notes or coins is not plausible."),
    INVALID_FLOAT(422, "The opening float is out of range."),
    NOTHING_TO_RETURN(422, "Choose at least one line to give back."),
    RETURN_TOO_MANY(422, "More would be given back than was sold and not yet returned."),
    REFUND_TENDER(422, "Only a sale paid by card can be refunded to a card."),
    CHANGE_WITHOUT_CASH(422, "Only cash can be overpaid to give change."),
    CHANGE_TOO_LARGE(422, "The change would be larger than the cash handed over allows."),
    TENDER_TOO_LOW(422, "The tenders add up to less than the total."),
    TENDER_TOO_LARGE(422, "The amounts tendered are too large to be real."),
    ONLINE_TENDER(422, "ONLINE is the tender of an online order paid in advance: only its handover takes it."),
    POINTS_NEED_MEMBER(422, "Attach the member before paying with points."),
    POINTS_AMOUNT(422, "A points payment is a whole number of points."),
    POINTS_NOT_AVAILABLE(422, "The member has fewer points than asked."),
    POINTS_NEED_HQ(422, "HQ is unreachable: the member can redeem only the offline allowance."),

    // 503: a system the request needs is out of reach.
    STORE_SERVER_UNREACHABLE(503, "The store server is not answering: check its network or call the manager.");

    private final int httpStatus;
    private final String sentence;

    ErrorCode(int httpStatus, String sentence) {
        this.httpStatus = httpStatus;
        this.sentence = sentence;
    }

    /** The HTTP status a refusal with this code is answered with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** What the code means, for the API's documentation. */
    public String sentence() {
        return sentence;
    }
}
