package io.chainretail.hq.orders;

import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.OrderProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Moves an online order on by what its store journaled ({@code up.order.v1}), in the transaction that stores the
 * event. What a store did is a fact: goods handed over stay handed over even if HQ cancelled the order meanwhile
 * (the cancellation had not reached the store). The store's report that it holds a version of the order stops
 * {@link OrderDispatch} from sending that version again.
 */
@ApplicationScoped
public class OrderProgressBook {

    private static final Logger LOG = Logger.getLogger(OrderProgressBook.class);

    /**
     * Records one step; answers why it could not, for the quarantine: an order HQ does not know, or one of another
     * store.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> record(String store, OrderProgress progress) {
        OnlineOrder order = OnlineOrder.findById(progress.orderId());
        if (order == null) {
            return Optional.of("order " + progress.orderId() + " is not known at HQ");
        }
        if (!order.storeCode.equals(store)) {
            return Optional.of("order " + progress.orderId() + " belongs to store " + order.storeCode);
        }
        order.storeVersion = Math.max(order.storeVersion, progress.version());
        order.updatedAt = progress.at().isAfter(order.updatedAt) ? progress.at() : order.updatedAt;
        OrderState next = next(order, progress.step());
        if (progress.step() == OrderProgress.Step.PICKED) {
            picked(order.orderId, progress.lines());
        }
        if (progress.chargedMinor() != null) {
            order.chargedMinor = progress.chargedMinor();
        }
        String note = progress.note();
        if (next != order.state && order.state == OrderState.CANCELLED) {
            note = "the store " + progress.step().name().toLowerCase().replace('_', ' ')
                    + " it before HQ's cancellation reached it" + (note == null ? "" : "; " + note);
            LOG.warnf("Order %s: store %s %s it after HQ cancelled it", order.orderId, store, progress.step());
        }
        if (progress.step() != OrderProgress.Step.RECEIVED || next != order.state) {
            OrderChange.record(order.orderId, progress.step() == OrderProgress.Step.HANDED_OVER
                    ? OrderState.COMPLETED : next, progress.by() + " at store " + store, progress.at(),
                    describe(progress) + (note == null ? "" : ": " + note));
        }
        OrderState before = order.state;
        order.state = next;
        order.owedForState();
        if (next != before && order.refundDueMinor() > 0) {
            LOG.infof("Order %s: %d %s (minor units) to refund online", order.orderId, order.refundDueMinor(),
                    order.currency);
        }
        return Optional.empty();
    }

    /**
     * The order's state after the store's step; a step never takes an order back, but for a failed delivery,
     * which brings one on the road back to the store, ready.
     */
    private static OrderState next(OnlineOrder order, OrderProgress.Step step) {
        OrderState state = order.state;
        return switch (step) {
            case RECEIVED -> state == OrderState.PLACED || state == OrderState.SENT_TO_STORE ? OrderState.ACCEPTED
                    : state;
            case PICKED -> state == OrderState.CANCELLED ? state : later(state, OrderState.PICKED);
            case READY -> state == OrderState.CANCELLED ? state : later(state, OrderState.READY);
            case OUT_FOR_DELIVERY -> later(state, OrderState.OUT_FOR_DELIVERY);
            case HANDED_OVER -> order.fulfilment == OrderForStore.Fulfilment.PICKUP ? OrderState.COMPLETED
                    : later(state, OrderState.OUT_FOR_DELIVERY);
            case DELIVERED -> OrderState.COMPLETED;
            case DELIVERY_FAILED -> state == OrderState.OUT_FOR_DELIVERY ? OrderState.READY : state;
            case EXPIRED, CANCELLED -> state == OrderState.COMPLETED || state == OrderState.REFUNDED ? state
                    : OrderState.CANCELLED;
        };
    }

    private static OrderState later(OrderState state, OrderState step) {
        if (state == OrderState.CANCELLED && step.ordinal() >= OrderState.OUT_FOR_DELIVERY.ordinal()) {
            return step;
        }
        return state.ordinal() >= step.ordinal() ? state : step;
    }

    private static String describe(OrderProgress progress) {
        return switch (progress.step()) {
            case RECEIVED -> "the store has version " + progress.version();
            case PICKED -> "picked" + (progress.lines().stream().anyMatch(l -> l.substitute() != null)
                    ? ", with substitutes" : "");
            case READY -> "ready for the customer";
            case HANDED_OVER -> "handed over to the customer" + recordedAs(progress);
            case OUT_FOR_DELIVERY -> "out for delivery";
            case DELIVERED -> "delivered" + recordedAs(progress);
            case DELIVERY_FAILED -> "not delivered; back at the store, ready";
            case EXPIRED -> "not collected in time; its stock is back on sale";
            case CANCELLED -> "the store put the goods back";
        };
    }

    private static String recordedAs(OrderProgress progress) {
        return progress.saleId() == null ? "" : ", recorded as sale " + progress.saleId()
                + (progress.chargedMinor() == null ? "" : " of " + progress.chargedMinor() + " (minor units)");
    }

    private static void picked(String orderId, List<OrderProgress.PickedLine> lines) {
        for (OrderProgress.PickedLine line : lines) {
            OrderLine row = OrderLine.find("orderId = ?1 and lineNo = ?2", orderId, line.lineNo()).firstResult();
            if (row != null) {
                row.picked = line.picked();
                row.substitute = line.substitute();
            }
        }
    }
}
