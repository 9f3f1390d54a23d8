package io.chainretail.devices.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainretail.devices.escpos.EscPos.Align;
import io.chainretail.devices.escpos.EscPos.Hri;
import io.chainretail.devices.escpos.EscPos.QrCorrection;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every encoder command against its bytes from the ESC/POS command reference. */
class EscPosTest {

    private static final PrinterProfile P = PrinterProfile.GENERIC_80MM;

    @Test
    void initialisesAndStyles() {
        assertBytes("1B 40", e -> e.init());
        assertBytes("1B 45 01 1B 45 00", e -> e.bold(true).bold(false));
        assertBytes("1B 2D 01 1B 2D 02 1B 2D 00", e -> e.underline(1).underline(2).underline(0));
        assertBytes("1D 21 00 1D 21 11 1D 21 10 1D 21 77", e -> e.size(1, 1).size(2, 2).size(2, 1).size(8, 8));
        assertBytes("1B 61 00 1B 61 01 1B 61 02", e -> e.align(Align.LEFT).align(Align.CENTER).align(Align.RIGHT));
        assertBytes("1B 4D 01 1B 4D 00", e -> e.font(1).font(0));
        assertThrows(IllegalArgumentException.class, () -> EscPos.of(P).size(9, 1));
    }

    @Test
    void feedsCutsAndKicksTheDrawer() {
        assertBytes("1B 64 03", e -> e.feed(3));
        assertBytes("1D 56 42 00 1D 56 41 00", e -> e.cut(true).cut(false));
        assertBytes("1B 70 00 19 FA", e -> e.drawerKick(0, 50, 500));
        assertBytes("1B 70 01 32 32", e -> e.drawerKick(1, 100, 100));
    }

    @Test
    void encodesTextInTheSelectedCodePage() {
        assertBytes("41 62 0A", e -> e.line("Ab"));
        // CP437 has no euro sign; CP858 (ESC t 19) has it at 0xD5.
        assertBytes("3F", e -> e.text("€"));
        assertBytes("1B 74 13 D5 20 82", e -> e.codePage(CodePage.CP858).text("€ é"));
        assertBytes("1B 74 13 1B 74 00 82", e -> e.codePage(CodePage.CP858).codePage(CodePage.CP437).text("é"));
    }

    @Test
    void entersAndLeavesChineseDoubleByteMode() {
        // 中 is D6 D0 and 文 CE C4 in GB18030; ASCII stays one byte.
        assertBytes("1C 26 D6 D0 CE C4 41 1C 2E 1B 74 13", e -> e.codePage(CodePage.GB18030).text("中文A")
                .codePage(CodePage.CP858));
        assertThrows(IllegalArgumentException.class, () -> EscPos.of(PrinterProfile.EPSON_TM_T88)
                .codePage(CodePage.GB18030));
    }

    @Test
    void printsBarcodes() {
        assertBytes("1D 68 50 1D 77 02 1D 48 02", e -> e.barcodeHeight(80).barcodeWidth(2).hri(Hri.BELOW));
        assertBytes("1D 6B 43 0D 36 39 30 31 32 33 34 35 36 37 38 39 32",
                e -> e.ean13("6901234567892"));
        assertBytes("1D 6B 49 06 7B 42 52 2D 31 32", e -> e.code128("R-12"));
        assertThrows(IllegalArgumentException.class, () -> EscPos.of(P).ean13("12345"));
    }

    @Test
    void printsQrCodesWithAValidModelByte() {
        assertBytes("1D 28 6B 04 00 31 41 32 00"
                + " 1D 28 6B 03 00 31 43 06"
                + " 1D 28 6B 03 00 31 45 31"
                + " 1D 28 6B 05 00 31 50 30 41 42"
                + " 1D 28 6B 03 00 31 51 30", e -> e.qr("AB", 6, QrCorrection.M));
    }

    @Test
    void sendsRasterImagesInBands() {
        boolean[][] image = new boolean[3][10];
        image[0][0] = true;
        image[1][9] = true;
        image[2][8] = true;
        PrinterProfile twoRowBands = new PrinterProfile("test", 32, 42, 384, java.util.Map.of(CodePage.CP437, 0),
                false, true, true, 2);
        assertArrayEquals(hex("1D 76 30 00 02 00 02 00 80 00 00 40 1D 76 30 00 02 00 01 00 00 80"),
                EscPos.of(twoRowBands).raster(Raster.of(image)).bytes());
    }

    @Test
    void asksForStatus() {
        assertBytes("10 04 01 10 04 04", e -> e.statusRequest(1).statusRequest(4));
        assertBytes("1D 61 0F", e -> e.automaticStatus(0x0F));
    }

    private static void assertBytes(String expected, UnaryOperator<EscPos> commands) {
        assertArrayEquals(hex(expected), commands.apply(EscPos.of(P)).bytes(), expected);
    }

    static byte[] hex(String spaced) {
        String[] parts = spaced.trim().split("\\s+");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}
