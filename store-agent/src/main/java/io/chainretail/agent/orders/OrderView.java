package io.chainretail.agent.orders;

import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.OrderProgress;
import java.time.Instant;
import java.util.List;

/**
 * An online order as the manager console and the till show it; {@code chargeMinor} is what its sale at the till
 * charges: the order's total, or once picked what was picked (a short pick pro rata).
 */
public record OrderView(String orderId, String channel, String channelOrderId, OrderForStore.Fulfilment fulfilment,
        OrderProgress.Step state, String pickupCode, String customer, String member, String phone, String address,
        String currency, long totalMinor, boolean prepaid, Instant placedAt, Instant receivedAt, Instant readyAt,
        long chargeMinor, List<Line> lines) {

    /** One line: ordered, and picked ({@code null} before picking). */
    public record Line(int lineNo, String sku, String name, long quantity, long payableMinor, Long picked,
            String substitute, String consentBy) {
    }

    static OrderView of(StoreOrder order, List<StoreOrderLine> lines, long chargeMinor) {
        return new OrderView(order.orderId, order.channel, order.channelOrderId, order.fulfilment, order.state,
                order.pickupCode, order.customer, order.member, order.phone, order.address, order.currency,
                order.totalMinor, order.prepaid, order.placedAt, order.receivedAt, order.readyAt, chargeMinor,
                lines.stream().map(l -> new Line(l.lineNo, l.sku, l.name, l.quantity, l.payableMinor, l.picked,
                        l.substitute, l.consentBy)).toList());
    }
}
