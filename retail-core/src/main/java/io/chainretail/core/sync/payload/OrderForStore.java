package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;
import java.util.List;

/**
 * Down, on the store's own {@code orders} topic: an online order HQ's order centre assigned to this store, as it
 * stands at HQ. HQ sends it again, with the next {@code version} after each change of its own (paid, cancelled),
 * until the store's journal reports holding that version ({@link OrderProgress}); the store keeps the highest
 * version it got and ignores older ones.
 *
 * @param pickupCode the code the customer shows at the till (as digits and as a QR code)
 * @param customer   the member's card number, or the guest's name
 * @param phone      how the store reaches the customer, or {@code null}
 * @param address    where a delivery goes, or {@code null} for a pickup
 * @param prepaid    the customer paid online: the till takes no money at handover
 * @param cancelled  HQ cancelled the order: the store stops picking and puts the goods back
 */
public record OrderForStore(
        String orderId,
        int version,
        String channel,
        String channelOrderId,
        Fulfilment fulfilment,
        String pickupCode,
        String customer,
        String member,
        String phone,
        String address,
        String currency,
        List<Line> lines,
        long totalMinor,
        boolean prepaid,
        boolean cancelled,
        Instant placedAt) {

    /** How the customer gets the goods. */
    public enum Fulfilment { PICKUP, DELIVERY }

    public OrderForStore {
        Fields.text(orderId, Limits.ID, "orderId");
        Fields.require(version >= 1, "version", "must be positive");
        Fields.code(channel, "channel");
        Fields.text(channelOrderId, Limits.SKU, "channelOrderId");
        Fields.require(fulfilment != null, "fulfilment", "is required");
        Fields.text(pickupCode, Limits.CODE, "pickupCode");
        Fields.text(customer, Limits.NAME, "customer");
        Fields.optionalText(member, Limits.PERSON, "member");
        Fields.optionalText(phone, Limits.PERSON, "phone");
        Fields.optionalText(address, Limits.NAME, "address");
        Fields.currency(currency, "currency");
        lines = lines == null ? List.of() : List.copyOf(lines);
        Fields.require(!lines.isEmpty(), "lines", "an order has at least one line");
        Fields.require(lines.stream().mapToLong(Line::payableMinor).sum() == totalMinor, "totalMinor",
                "is not the sum of the lines");
        Fields.require(placedAt != null, "placedAt", "is required");
    }

    /**
     * One ordered line, priced by HQ with the store's prices and promotions when the order was placed, by the
     * tills' own engine: what the till records when it hands the order over.
     *
     * @param taxMinor     the tax in or on the line
     * @param payableMinor what the customer pays for the line, promotions taken off and tax included
     * @param promotions   which promotion versions took {@code savingMinor} off, and how much each
     */
    public record Line(int lineNo, String sku, String name, long quantity, long unitPriceMinor, long savingMinor,
            String taxClass, long taxMinor, long payableMinor, List<SaleCompleted.LinePromotion> promotions) {

        public Line {
            Fields.text(sku, Limits.SKU, "sku");
            Fields.optionalText(name, Limits.NAME, "name");
            Fields.optionalText(taxClass, Limits.CODE, "taxClass");
            Fields.require(quantity >= 1, "quantity", "must be positive");
            Fields.notNegative(unitPriceMinor, "unitPriceMinor");
            Fields.notNegative(savingMinor, "savingMinor");
            Fields.notNegative(taxMinor, "taxMinor");
            Fields.notNegative(payableMinor, "payableMinor");
            promotions = promotions == null ? List.of() : List.copyOf(promotions);
            Fields.require(promotions.stream().mapToLong(SaleCompleted.LinePromotion::savingMinor).sum() == savingMinor,
                    "promotions", "must add up to the line's saving");
        }
    }
}
