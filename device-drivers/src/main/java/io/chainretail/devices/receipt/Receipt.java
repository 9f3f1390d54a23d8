package io.chainretail.devices.receipt;

import java.util.List;
import java.util.Objects;

/**
 * What a receipt says, already in words and formatted amounts; {@link ReceiptLayout} decides how it
 * looks on a given printer. The store agent builds one from a completed sale, return or report.
 *
 * @param header  store name first, then address lines, centred
 * @param title   e.g. {@code SALE}, {@code RETURN}, {@code VOID}
 * @param details receipt number, lane, cashier, time
 * @param lines   what was sold, each with its promotion savings
 * @param totals  subtotal, savings, total (emphasised), tax
 * @param tenders payments, then the change
 * @param member  the member and their points, if a member was attached
 * @param code    the receipt number as a barcode or QR code, or null
 * @param footer  thanks, returns policy, centred
 * @param copy    a reprint: marked COPY at the top and the bottom
 */
public record Receipt(List<String> header, String title, List<String> details, List<Line> lines,
        List<Amount> totals, List<Amount> tenders, List<String> member, Code code, List<String> footer,
        boolean copy) {

    public Receipt {
        header = List.copyOf(header);
        Objects.requireNonNull(title, "title");
        details = List.copyOf(details);
        lines = List.copyOf(lines);
        totals = List.copyOf(totals);
        tenders = List.copyOf(tenders);
        member = List.copyOf(member);
        footer = List.copyOf(footer);
    }

    /** The same receipt marked as a copy. */
    public Receipt asCopy() {
        return new Receipt(header, title, details, lines, totals, tenders, member, code, footer, true);
    }

    /** One item line: its name, a detail such as {@code 2 x 2.50}, the amount, and what promotions took off. */
    public record Line(String name, String detail, String amount, List<Amount> savings) {

        public Line {
            Objects.requireNonNull(name, "name");
            savings = List.copyOf(savings);
        }
    }

    /** A label and an amount on one row; emphasised rows print bold. */
    public record Amount(String label, String amount, boolean emphasised) {

        public static Amount of(String label, String amount) {
            return new Amount(label, amount, false);
        }
    }

    /** A machine-readable code printed on the receipt. */
    public record Code(Kind kind, String data) {

        /** How the code is printed. */
        public enum Kind { CODE128, QR, EAN13 }
    }
}
