package io.chainretail.devices.receipt;

import io.chainretail.devices.text.TextWidth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.escpos.CodePage;
import io.chainretail.devices.escpos.EscPosDecoder;
import io.chainretail.devices.escpos.PrinterProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Whole receipts, byte for byte against golden files (hex dumps in {@code src/test/resources/receipts},
 * with the text they print beside them), and read back by the decoder to exactly that text. After a
 * deliberate layout change, rewrite the goldens with {@code -Dgolden.write=true} and review the diff.
 */
class ReceiptLayoutTest {

    private static final Path GOLDEN = Path.of("src/test/resources/receipts");

    @Test
    void aEuroSaleInCp858() throws IOException {
        ReceiptLayout.Printed printed = golden("euro-sale", SampleReceipts.euroSale(), PrinterProfile.GENERIC_80MM);
        assertEquals(CodePage.CP858, printed.codePage(), "the euro sign needs CP858");
        assertTrue(printed.text().contains("Crème brûlée"));
        assertTrue(printed.text().contains("A very long product name that does not fit on\none receipt line"),
                "wrapped at a word");
    }

    @Test
    void aChineseSaleInTheDoubleByteMode() throws IOException {
        ReceiptLayout.Printed printed = golden("chinese-sale", SampleReceipts.chineseSale(),
                PrinterProfile.GENERIC_80MM);
        assertEquals(CodePage.GB18030, printed.codePage());
        // Chinese characters take two columns: the amount still ends at column 48.
        assertTrue(printed.text().contains("矿泉水 550ml\n  3 x 2.50" + " ".repeat(48 - 10 - 4) + "7.50\n"),
                printed.text());
    }

    @Test
    void aReturnOnA58mmPrinter() throws IOException {
        golden("refund-58mm", SampleReceipts.refund(), PrinterProfile.GENERIC_58MM);
    }

    @Test
    void aReprintSaysCopyAtTopAndBottom() throws IOException {
        ReceiptLayout.Printed printed = golden("euro-sale-copy", SampleReceipts.euroSale().asCopy(),
                PrinterProfile.EPSON_TM_T88);
        List<String> lines = printed.text().lines().toList();
        assertEquals("*** COPY ***", lines.get(0));
        assertEquals("*** COPY ***", lines.get(lines.size() - 1));
    }

    @Test
    void aPrinterWithoutChineseGetsQuestionMarksNotGarbage() {
        ReceiptLayout.Printed printed = new ReceiptLayout(PrinterProfile.EPSON_TM_T88).print(
                SampleReceipts.chineseSale());
        assertEquals(CodePage.CP858, printed.codePage());
        assertTrue(printed.text().contains("??? 550ml"), printed.text());
    }

    @Test
    void noLineIsWiderThanThePaper() {
        for (PrinterProfile profile : List.of(PrinterProfile.GENERIC_80MM, PrinterProfile.GENERIC_58MM)) {
            for (Receipt receipt : List.of(SampleReceipts.euroSale(), SampleReceipts.chineseSale(),
                    SampleReceipts.refund())) {
                String text = new ReceiptLayout(profile).print(receipt).text();
                text.lines().forEach(line -> assertTrue(TextWidth.of(line) <= profile.columns(), profile.model()
                        + ": " + line));
            }
        }
    }

    /** Prints, compares with the golden bytes and text, and checks the decoder reads exactly that text. */
    static ReceiptLayout.Printed golden(String name, Receipt receipt, PrinterProfile profile) throws IOException {
        ReceiptLayout.Printed printed = new ReceiptLayout(profile).print(receipt);
        Path hex = GOLDEN.resolve(name + ".hex");
        Path txt = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(hex, dump(printed.bytes()));
            Files.writeString(txt, printed.text(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(hex), dump(printed.bytes()), name + ": bytes differ from " + hex);
        assertEquals(Files.readString(txt, StandardCharsets.UTF_8), printed.text(), name + ": text differs");
        EscPosDecoder.Decoded decoded = new EscPosDecoder(profile).decode(printed.bytes());
        assertEquals(List.of(), decoded.errors());
        assertEquals(printed.text(), decoded.text(), "what the printer reads is what we meant to print");
        assertTrue(decoded.events().contains("partial cut"), decoded.events().toString());
        return printed;
    }

    /** 16 bytes a line, so a golden file diffs readably. */
    static String dump(byte[] bytes) {
        HexFormat format = HexFormat.ofDelimiter(" ").withUpperCase();
        return java.util.stream.IntStream.range(0, (bytes.length + 15) / 16)
                .mapToObj(row -> format.formatHex(bytes, row * 16, Math.min(bytes.length, row * 16 + 16)))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
