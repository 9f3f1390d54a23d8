package io.chainretail.devices.receipt;

import io.chainretail.devices.escpos.CodePage;
import io.chainretail.devices.escpos.EscPos;
import io.chainretail.devices.escpos.EscPos.Align;
import io.chainretail.devices.escpos.EscPos.Hri;
import io.chainretail.devices.escpos.EscPos.QrCorrection;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.text.TextWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Receipt} out for one printer model: centred header with the store name large, item
 * lines with their savings, amounts aligned to the right edge, totals, tenders and change, member and
 * points, the receipt number as a barcode or QR code, footer, feed and cut. A reprint says COPY at the
 * top and bottom. The code page is chosen from the text: CP858 (euro sign, accents) where it fits, the
 * Chinese double-byte mode when the receipt has Chinese and the printer can print it, else CP437.
 *
 * <p>{@link Printed#text()} is the receipt as it reads on paper, line by line; a decoder of the bytes
 * (the printer simulator, or an independent ESC/POS parser) must find exactly that text.
 */
public final class ReceiptLayout {

    /** The bytes for the printer, the text they print, and the table it is printed in. */
    public record Printed(byte[] bytes, String text, CodePage codePage) {
    }

    private final PrinterProfile profile;

    public ReceiptLayout(PrinterProfile profile) {
        this.profile = profile;
    }

    public Printed print(Receipt receipt) {
        Page page = new Page(profile, codePageFor(receipt));
        if (receipt.copy()) {
            page.centred("*** COPY ***", true);
        }
        if (!receipt.header().isEmpty()) {
            page.escPos.size(1, 2);
            page.centred(receipt.header().get(0), true);
            page.escPos.size(1, 1);
            receipt.header().stream().skip(1).forEach(line -> page.centred(line, false));
        }
        page.centred(receipt.title(), true);
        receipt.details().forEach(page::left);
        page.rule('-');
        for (Receipt.Line line : receipt.lines()) {
            if (line.detail() == null || line.detail().isEmpty()) {
                page.columns(line.name(), line.amount(), false);
            } else {
                page.left(line.name());
                page.columns("  " + line.detail(), line.amount(), false);
            }
            line.savings().forEach(saving -> page.columns("    " + saving.label(), saving.amount(), false));
        }
        page.rule('-');
        receipt.totals().forEach(total -> page.columns(total.label(), total.amount(), total.emphasised()));
        if (!receipt.tenders().isEmpty()) {
            page.rule('-');
            receipt.tenders().forEach(tender -> page.columns(tender.label(), tender.amount(), tender.emphasised()));
        }
        if (!receipt.member().isEmpty()) {
            page.rule('-');
            receipt.member().forEach(page::left);
        }
        if (receipt.code() != null) {
            page.code(receipt.code());
        }
        receipt.footer().forEach(line -> page.centred(line, false));
        if (receipt.copy()) {
            page.centred("*** COPY ***", true);
        }
        page.escPos.feed(4).cut(true);
        return new Printed(page.escPos.bytes(), page.text.toString(), page.escPos.currentCodePage());
    }

    private CodePage codePageFor(Receipt receipt) {
        String all = String.join("\n", allText(receipt));
        for (CodePage page : new CodePage[] {CodePage.CP858, CodePage.CP437, CodePage.GB18030}) {
            if (profile.has(page) && page.encodes(all)) {
                return page;
            }
        }
        return profile.has(CodePage.CP858) ? CodePage.CP858 : CodePage.CP437; // what it lacks prints as '?'
    }

    private static List<String> allText(Receipt receipt) {
        List<String> all = new ArrayList<>(receipt.header());
        all.add(receipt.title());
        all.addAll(receipt.details());
        for (Receipt.Line line : receipt.lines()) {
            all.add(line.name());
            all.add(line.detail() == null ? "" : line.detail());
            all.add(line.amount());
            line.savings().forEach(s -> all.add(s.label() + s.amount()));
        }
        receipt.totals().forEach(a -> all.add(a.label() + a.amount()));
        receipt.tenders().forEach(a -> all.add(a.label() + a.amount()));
        all.addAll(receipt.member());
        all.addAll(receipt.footer());
        return all;
    }

    /** The receipt being written: the printer's bytes and the text they print, side by side. */
    private static final class Page {

        final EscPos escPos;
        final StringBuilder text = new StringBuilder();
        final int columns;

        Page(PrinterProfile profile, CodePage codePage) {
            this.escPos = EscPos.of(profile).init();
            if (codePage != CodePage.CP437) {
                escPos.codePage(codePage);
            }
            this.columns = profile.columns();
        }

        void left(String line) {
            for (String part : wrap(line)) {
                print(part);
            }
        }

        void centred(String line, boolean bold) {
            escPos.align(Align.CENTER);
            if (bold) {
                escPos.bold(true);
            }
            left(line);
            if (bold) {
                escPos.bold(false);
            }
            escPos.align(Align.LEFT);
        }

        /** A label on the left and an amount on the right edge; a label too long wraps above it. */
        void columns(String label, String amount, boolean bold) {
            if (bold) {
                escPos.bold(true);
            }
            int room = columns - TextWidth.of(amount) - 1;
            List<String> parts = wrap(label, room);
            for (int i = 0; i < parts.size() - 1; i++) {
                print(parts.get(i));
            }
            String last = parts.get(parts.size() - 1);
            print(last + " ".repeat(columns - TextWidth.of(last) - TextWidth.of(amount)) + amount);
            if (bold) {
                escPos.bold(false);
            }
        }

        void rule(char c) {
            print(String.valueOf(c).repeat(columns));
        }

        void code(Receipt.Code code) {
            escPos.align(Align.CENTER);
            switch (code.kind()) {
                case QR -> escPos.qr(code.data(), 6, QrCorrection.M);
                case EAN13 -> escPos.barcodeHeight(64).barcodeWidth(2).hri(Hri.BELOW).ean13(code.data());
                case CODE128 -> escPos.barcodeHeight(64).barcodeWidth(2).hri(Hri.BELOW).code128(code.data());
                default -> throw new IllegalArgumentException("no layout for " + code.kind());
            }
            escPos.feed(1).align(Align.LEFT);
        }

        private void print(String line) {
            escPos.line(line);
            text.append(escPos.printable(line)).append('\n');
        }

        private List<String> wrap(String line) {
            return wrap(line, columns);
        }

        private static List<String> wrap(String line, int width) {
            List<String> parts = new ArrayList<>();
            String rest = line;
            while (TextWidth.of(rest) > width) {
                String head = TextWidth.fit(rest, width);
                int space = head.lastIndexOf(' ');
                if (space > 0) {
                    head = head.substring(0, space);
                }
                parts.add(head);
                rest = rest.substring(head.length()).stripLeading();
            }
            parts.add(rest);
            return parts;
        }
    }
}
