package io.chainretail.hq.orders;

import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.tender.TenderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * A till's return or void of an online order's goods, refunded to the order's online payment: the store paid out
 * nothing, so the channel owes it back. The refund's {@code ONLINE} tender names the order as its sale's did
 * ({@code channel channelOrderId}); the amount is added to what the order owes back (its refund due).
 */
@ApplicationScoped
public class OnlineReturns {

    private static final Logger LOG = Logger.getLogger(OnlineReturns.class);

    /** Books the online part of a store's return or void, in the caller's (the ingest's) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String store, ReturnCompleted refund) {
        for (SaleCompleted.Tender tender : refund.tenders()) {
            if (TenderType.ONLINE.named(tender.type()) && tender.amountMinor() > 0) {
                owe(store, refund, tender);
            }
        }
    }

    private static void owe(String store, ReturnCompleted refund, SaleCompleted.Tender tender) {
        String reference = tender.reference() == null ? "" : tender.reference();
        int space = reference.indexOf(' ');
        OnlineOrder order = space < 1 ? null
                : OnlineOrder.byChannelId(reference.substring(0, space), reference.substring(space + 1)).orElse(null);
        if (order == null || !order.storeCode.equals(store)) {
            // Kept as the store sent it (its books balance), but no order of this store is owed anything for it.
            LOG.warnf("Store %s refunded %d online in %s %s, for '%s': no online order of that store", store,
                    tender.amountMinor(), refund.kind().toLowerCase(), refund.returnId(), reference);
            return;
        }
        order.returnedMinor += tender.amountMinor();
        order.updatedAt = refund.completedAt().isAfter(order.updatedAt) ? refund.completedAt() : order.updatedAt;
        OrderChange.record(order.orderId, order.state, refund.cashier() + " at lane " + refund.lane() + ", store "
                + store, refund.completedAt(), tender.amountMinor() + " " + order.currency + " (minor units) "
                + (refund.kind().equals("VOID") ? "voided" : "returned") + " at the store (receipt "
                + refund.receiptNo() + "): to refund online");
        LOG.infof("Order %s: %d %s (minor units) returned at store %s, to refund online", order.orderId,
                tender.amountMinor(), order.currency, store);
    }
}
