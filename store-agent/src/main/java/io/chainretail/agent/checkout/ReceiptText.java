package io.chainretail.agent.checkout;

import static io.chainretail.agent.lane.ReceiptColumns.center;
import static io.chainretail.agent.lane.ReceiptColumns.columns;
import static io.chainretail.agent.lane.ReceiptColumns.money;
import static io.chainretail.agent.lane.ReceiptColumns.rule;

import io.chainretail.core.sync.payload.SaleCompleted;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The plain-text receipt of a completed sale, 42 columns wide like an 80 mm printer's font A: lines
 * with the promotions that changed them, savings, tax, tenders, change and member.
 */
final class ReceiptText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ReceiptText() {
    }

    static String of(String store, SaleCompleted sale) {
        StringBuilder out = new StringBuilder();
        out.append(center("Store " + store)).append('\n');
        out.append("Lane ").append(sale.lane()).append("  Receipt ").append(sale.receiptNo())
                .append("  Cashier ").append(sale.cashier()).append('\n');
        out.append(TIME.format(sale.completedAt().atZone(ZoneId.systemDefault()))).append('\n');
        out.append(rule()).append('\n');
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
        out.append(rule()).append('\n');
        if (sale.savingMinor() > 0) {
            out.append(columns("YOU SAVED", money(sale.savingMinor(), currency))).append('\n');
        }
        out.append(columns("TOTAL", money(sale.totalMinor(), currency))).append('\n');
        out.append(columns("  tax included", money(sale.taxMinor(), currency))).append('\n');
        for (SaleCompleted.Tender tender : sale.tenders()) {
            String label = tender.reference() == null ? tender.type() : tender.type() + " ref " + tender.reference();
            out.append(columns(label, money(tender.amountMinor(), currency))).append('\n');
        }
        out.append(columns("CHANGE", money(sale.changeMinor(), currency))).append('\n');
        if (sale.member() != null) {
            out.append("Member ").append(sale.member()).append('\n');
        }
        // What a return at the till asks for; a barcode of it is the device issue's receipt layout.
        out.append("Sale ").append(sale.saleId()).append('\n');
        out.append(center("Thank you")).append('\n');
        return out.toString();
    }
}
