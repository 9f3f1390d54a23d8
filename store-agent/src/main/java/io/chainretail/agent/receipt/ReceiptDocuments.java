package io.chainretail.agent.receipt;

import io.chainretail.core.money.Money;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.receipt.Receipt;
import io.chainretail.devices.receipt.Receipt.Amount;
import io.chainretail.devices.receipt.ReceiptLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the store's receipts say, built once from the journaled event: the printer lays it out for its
 * model, and the till shows the same receipt as text ({@link #preview}). The QR code carries the sale
 * number, which a return at the till asks for.
 */
public final class ReceiptDocuments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ReceiptLayout PREVIEW = new ReceiptLayout(PrinterProfile.GENERIC_80MM);

    private ReceiptDocuments() {
    }

    /** The receipt as the till shows it: what an 80 mm printer prints, as text. */
    public static String preview(Receipt receipt) {
        return PREVIEW.print(receipt).text();
    }

    public static Receipt sale(String store, ZoneId zone, SaleCompleted sale) {
        String currency = sale.currency();
        List<Receipt.Line> lines = new ArrayList<>();
        for (SaleCompleted.SaleLine line : sale.lines()) {
            String detail = line.weightGrams() != null ? line.weightGrams() + " g"
                    : line.quantity() + " x " + money(line.unitPriceMinor(), currency);
            List<Amount> savings = line.promotions().stream().filter(p -> p.savingMinor() > 0)
                    .map(p -> Amount.of(p.code(), "-" + money(p.savingMinor(), currency))).toList();
            lines.add(new Receipt.Line(line.name(), detail, money(line.regularMinor(), currency), savings));
        }
        List<Amount> totals = new ArrayList<>();
        if (sale.savingMinor() > 0) {
            totals.add(Amount.of("YOU SAVED", money(sale.savingMinor(), currency)));
        }
        totals.add(new Amount("TOTAL", money(sale.totalMinor(), currency), true));
        totals.add(Amount.of("  tax included", money(sale.taxMinor(), currency)));
        List<Amount> tenders = new ArrayList<>();
        for (SaleCompleted.Tender tender : sale.tenders()) {
            String label = tender.reference() == null ? tender.type() : tender.type() + " ref " + tender.reference();
            tenders.add(Amount.of(label, money(tender.amountMinor(), currency)));
        }
        tenders.add(Amount.of("CHANGE", money(sale.changeMinor(), currency)));
        List<String> member = new ArrayList<>();
        if (sale.member() != null) {
            member.add("Member " + sale.member());
            if (sale.pointsEarned() > 0 || sale.pointsRedeemed() > 0) {
                member.add("Points +" + sale.pointsEarned() + (sale.pointsRedeemed() > 0 ? ", redeemed "
                        + sale.pointsRedeemed() : ""));
            }
        }
        return new Receipt(List.of("Store " + store), "SALE", List.of("Lane " + sale.lane() + "  Receipt "
                + sale.receiptNo() + "  Cashier " + sale.cashier(), TIME.format(sale.completedAt().atZone(zone))),
                lines, totals, tenders, member, new Receipt.Code(Receipt.Code.Kind.QR, sale.saleId()),
                List.of("Sale " + sale.saleId(), "Thank you"), false);
    }

    public static Receipt refund(String store, ZoneId zone, ReturnCompleted refund) {
        String currency = refund.currency();
        List<String> details = new ArrayList<>(List.of("Lane " + refund.lane() + "  Receipt " + refund.receiptNo()
                + "  Cashier " + refund.cashier(), TIME.format(refund.completedAt().atZone(zone))));
        if (refund.originalSaleId() != null) {
            details.add("For sale " + refund.originalSaleId());
        }
        if (refund.approver() != null) {
            details.add("Approved by " + refund.approver());
        }
        List<Receipt.Line> lines = refund.lines().stream().map(line -> new Receipt.Line(line.quantity() + " x "
                + line.name(), null, "-" + money(line.refundMinor(), currency), List.of())).toList();
        List<Amount> tenders = refund.tenders().stream().map(t -> Amount.of("  " + t.type(),
                money(t.amountMinor(), currency))).toList();
        return new Receipt(List.of("Store " + store), "VOID".equals(refund.kind()) ? "VOIDED SALE" : "RETURN",
                details, lines, List.of(new Amount("REFUND", money(refund.totalMinor(), currency), true)), tenders,
                List.of(), null, List.of(), false);
    }

    /**
     * The Z report a lane prints when its shift closes: sales and returns, each tender in and out, and
     * the drawer: float, expected cash, counted cash by denomination and the variance.
     */
    public static Receipt zReport(String store, ZoneId zone, ShiftClosed z) {
        String currency = z.currency();
        List<String> details = List.of("Lane " + z.lane() + "  Z " + z.zNo(),
                "Opened " + TIME.format(z.openedAt().atZone(zone)) + " by " + z.openedBy(),
                "Closed " + TIME.format(z.closedAt().atZone(zone)) + " by " + z.closedBy(),
                z.firstReceiptNo() == 0 ? "No receipts" : "Receipts " + z.firstReceiptNo() + "-" + z.lastReceiptNo());
        List<Receipt.Line> tenders = z.tenders().stream().map(t -> new Receipt.Line(t.type(), "in "
                + money(t.inMinor(), currency) + "  out " + money(t.outMinor(), currency),
                money(t.inMinor() - t.outMinor(), currency), List.of())).toList();
        List<Amount> totals = List.of(Amount.of("SALES (" + z.sales() + ")", money(z.salesMinor(), currency)),
                Amount.of("RETURNS (" + z.returns() + ")", "-" + money(z.returnsMinor(), currency)),
                Amount.of("NO-SALES", String.valueOf(z.noSales())));
        List<Amount> drawer = List.of(Amount.of("FLOAT", money(z.floatMinor(), currency)),
                Amount.of("EXPECTED CASH", money(z.expectedCashMinor(), currency)),
                Amount.of("COUNTED", money(z.countedCashMinor(), currency)),
                new Amount("VARIANCE", money(z.varianceMinor(), currency), true));
        List<String> counted = z.counted().stream().filter(d -> d.count() > 0).map(d -> d.count() + " x "
                + money(d.valueMinor(), currency)).toList();
        return new Receipt(List.of("Store " + store), "Z REPORT", details, tenders, totals, drawer, counted, null,
                List.of("Shift " + z.shiftId()), false);
    }

    static String money(long minor, String currency) {
        return currency == null ? String.valueOf(minor) : Money.of(minor, currency).toDecimalString();
    }
}
