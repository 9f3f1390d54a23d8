package io.chainretail.agent.returns;

import static io.chainretail.agent.lane.ReceiptColumns.columns;
import static io.chainretail.agent.lane.ReceiptColumns.money;
import static io.chainretail.agent.lane.ReceiptColumns.rule;

import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;

/** The plain-text slip of a return or void, 42 columns like the sale receipt. */
final class RefundReceipt {

    private RefundReceipt() {
    }

    static String of(ReturnCompleted refund) {
        StringBuilder out = new StringBuilder();
        out.append("VOID".equals(refund.kind()) ? "VOIDED SALE" : "RETURN").append('\n');
        out.append("Lane ").append(refund.lane()).append("  Receipt ").append(refund.receiptNo())
                .append("  Cashier ").append(refund.cashier()).append('\n');
        if (refund.originalSaleId() != null) {
            out.append("For sale ").append(refund.originalSaleId()).append('\n');
        }
        if (refund.approver() != null) {
            out.append("Approved by ").append(refund.approver()).append('\n');
        }
        out.append(rule()).append('\n');
        for (ReturnCompleted.ReturnLine line : refund.lines()) {
            String amount = "-" + money(line.refundMinor(), refund.currency());
            out.append(columns(line.quantity() + " x " + line.name(), amount)).append('\n');
        }
        out.append(rule()).append('\n');
        out.append(columns("REFUND", money(refund.totalMinor(), refund.currency()))).append('\n');
        for (SaleCompleted.Tender tender : refund.tenders()) {
            out.append(columns("  " + tender.type(), money(tender.amountMinor(), refund.currency()))).append('\n');
        }
        return out.toString();
    }
}
