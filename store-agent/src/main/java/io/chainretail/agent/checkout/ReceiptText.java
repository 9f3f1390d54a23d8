package io.chainretail.agent.checkout;

import io.chainretail.core.money.Money;
import io.chainretail.core.sync.payload.SaleCompleted;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The plain-text receipt of a completed sale, 42 columns wide like an 80 mm printer's font A: lines
 * with the promotions that changed them, savings, tax, tenders, change and member.
 */
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
        String currency = sale.currency();
        for (SaleCompleted.SaleLine line : sale.lines()) {
            out.append(line.name()).append('\n');
            String detail = line.weightGrams() != null ? "  " + line.weightGrams() + " g"
                    : "  " + line.quantity() + " x " + money(line.unitPriceMinor(), currency);
            out.append(columns(detail, money(line.regularMinor(), currency))).append('\n');
            for (SaleCompleted.LinePromotion promotion : line.promotions()) {
                if (promotion.savingMinor() > 0) {
                    out.append(columns("    " + promotion.code(), "-" + money(promotion.savingMinor(), currency)))
                            .append('\n');
                }
            }
        }
        out.append("-".repeat(WIDTH)).append('\n');
        if (sale.savingMinor() > 0) {
            out.append(columns("YOU SAVED", money(sale.savingMinor(), currency))).append('\n');
        }
        out.append(columns("TOTAL", money(sale.totalMinor(), currency))).append('\n');
        out.append(columns("  tax included", money(sale.taxMinor(), currency))).append('\n');
        for (SaleCompleted.Tender tender : sale.tenders()) {
            out.append(columns(tender.type(), money(tender.amountMinor(), currency))).append('\n');
        }
        out.append(columns("CHANGE", money(sale.changeMinor(), currency))).append('\n');
        if (sale.member() != null) {
            out.append("Member ").append(sale.member()).append('\n');
        }
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
