package io.chainretail.hq.orders;

import io.chainretail.core.sync.payload.OrderForStore;
import java.time.Instant;
import java.util.List;

/**
 * An online order as the API shows it: its lines, and every change of its state with who and when.
 *
 * @param chargedMinor   what its sale at the store charged (after short picks); {@code null} before
 * @param refundDueMinor what the channel still has to give back online (see {@link OnlineOrder#refundDueMinor()})
 * @param refundedMinor  what the channel gave back online
 */
public record OrderView(String orderId, String channel, String channelOrderId, String store,
        OrderForStore.Fulfilment fulfilment, OrderState state, String pickupCode, String customer, String member,
        String phone, String address, String currency, long totalMinor, boolean paid, Long chargedMinor,
        long refundDueMinor, long refundedMinor, Instant placedAt, Instant updatedAt, boolean storeHasLatest,
        List<Line> lines, List<Change> changes) {

    /** One line: ordered, priced, and what the store picked ({@code null} before it picked). */
    public record Line(int lineNo, String sku, String name, long quantity, long unitPriceMinor, long savingMinor,
            long payableMinor, Long picked, String substitute) {
    }

    /** One change of state. */
    public record Change(OrderState state, String by, Instant at, String note) {
    }

    static OrderView of(OnlineOrder order, List<OrderLine> lines, List<OrderChange> changes) {
        return new OrderView(order.orderId, order.channel, order.channelOrderId, order.storeCode, order.fulfilment,
                order.state, order.pickupCode, order.customer, order.member, order.phone, order.address,
                order.currency, order.totalMinor, order.paid, order.chargedMinor, order.refundDueMinor(),
                order.refundedMinor, order.placedAt, order.updatedAt,
                order.storeVersion >= order.version,
                lines.stream().map(l -> new Line(l.lineNo, l.sku, l.name, l.quantity, l.unitPriceMinor, l.savingMinor,
                        l.payableMinor, l.picked, l.substitute)).toList(),
                changes.stream().map(c -> new Change(c.state, c.by, c.at, c.note)).toList());
    }
}
