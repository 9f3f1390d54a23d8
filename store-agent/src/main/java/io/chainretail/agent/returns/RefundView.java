package io.chainretail.agent.returns;

import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import java.util.List;

/** A return or void as the till shows it: what went back, how it was refunded, and the slip. */
public record RefundView(String returnId, String kind, String lane, long receiptNo, String approver,
        String originalSaleId, List<ReturnCompleted.ReturnLine> lines, long totalMinor,
        List<SaleCompleted.Tender> tenders, String currency, String receiptText) {

    static RefundView of(ReturnCompleted refund, String receiptText) {
        return new RefundView(refund.returnId(), refund.kind(), refund.lane(), refund.receiptNo(), refund.approver(),
                refund.originalSaleId(), refund.lines(), refund.totalMinor(), refund.tenders(), refund.currency(),
                receiptText);
    }
}
