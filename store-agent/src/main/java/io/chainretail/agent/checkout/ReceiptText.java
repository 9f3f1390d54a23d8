package io.chainretail.agent.checkout;

import io.chainretail.core.money.Money;
import io.chainretail.core.sync.payload.SaleCompleted;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The plain-text receipt of a completed sale, 42 columns wide like an 80 mm printer's font A. */
final class ReceiptText {

    static final int WIDTH = 42;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ReceiptText() {
    }

    static String of(String store, SaleCompleted sale) {
        StringBuilder out = new StringBuilder();
        out.append(center("Store " + store)).append('\n');
        out.append("Lane ").append(sale.lane()).append("  Receipt ").append(sale.receiptNo())
                .append("  Cashier ").append(sale.cashier()).append('\n');
        out.append(TIME.format(sale.completedAt().atZone(ZoneId.systemDefault()))).append('\n');
        out.append("-".repeat(WIDTH)).append('\n');
        for (SaleCompleted.SaleLine line : sale.lines()) {
            out.append(line.name()).append('\n');
            String detail = "  " + line.quantity() + " x " + money(line.unitPriceMinor(), sale.currency());
            out.append(columns(detail, money(line.amountMinor(), sale.currency()))).append('\n');
        }
        out.append("-".repeat(WIDTH)).append('\n');
        out.append(columns("TOTAL", money(sale.totalMinor(), sale.currency()))).append('\n');
        for (SaleCompleted.Tender tender : sale.tenders()) {
            out.append(columns(tender.type(), money(tender.amountMinor(), sale.currency()))).append('\n');
        }
        out.append(columns("CHANGE", money(sale.changeMinor(), sale.currency()))).append('\n');
        out.append(center("Thank you")).append('\n');
        return out.toString();
    }

    private static String money(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString();
    }

    private static String columns(String left, String right) {
        int gap = Math.max(1, WIDTH - left.length() - right.length());
        return left + " ".repeat(gap) + right;
    }

    private static String center(String text) {
        int pad = Math.max(0, (WIDTH - text.length()) / 2);
        return " ".repeat(pad) + text;
    }
}
