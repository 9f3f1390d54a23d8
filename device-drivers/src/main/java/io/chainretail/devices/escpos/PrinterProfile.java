package io.chainretail.devices.escpos;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one printer model can do, so the same receipt prints right on each: line width in characters
 * (font A and font B) and in dots, the {@code ESC t} number of each single-byte code page it has,
 * whether it has the Chinese double-byte mode, barcodes and QR codes, and the most raster rows it
 * takes in one {@code GS v 0} command (taller images are sent in bands).
 */
public record PrinterProfile(String model, int columns, int columnsFontB, int dotsPerLine,
        Map<CodePage, Integer> codePageNumbers, boolean chinese, boolean barcodes, boolean qr, int maxRasterBand) {

    /** An 80 mm printer with the common Epson-compatible tables and a Chinese font (most sold in China). */
    public static final PrinterProfile GENERIC_80MM = new PrinterProfile("generic-80mm", 48, 64, 576,
            Map.of(CodePage.CP437, 0, CodePage.CP858, 19), true, true, true, 128);

    /** A 58 mm printer, same command set. */
    public static final PrinterProfile GENERIC_58MM = new PrinterProfile("generic-58mm", 32, 42, 384,
            Map.of(CodePage.CP437, 0, CodePage.CP858, 19), true, true, true, 64);

    /** Epson TM-T88 (international firmware): no Chinese font. */
    public static final PrinterProfile EPSON_TM_T88 = new PrinterProfile("epson-tm-t88", 48, 64, 512,
            Map.of(CodePage.CP437, 0, CodePage.CP858, 19), false, true, true, 255);

    public PrinterProfile {
        Objects.requireNonNull(model, "model");
        codePageNumbers = Map.copyOf(codePageNumbers);
        if (columns < 16 || dotsPerLine < 8 || maxRasterBand < 1) {
            throw new IllegalArgumentException("implausible printer profile " + model);
        }
    }

    /** The built-in profile of that name. */
    public static Optional<PrinterProfile> named(String model) {
        for (PrinterProfile profile : new PrinterProfile[] {GENERIC_80MM, GENERIC_58MM, EPSON_TM_T88}) {
            if (profile.model.equals(model)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    /** Whether the printer can print this table. */
    public boolean has(CodePage page) {
        return page == CodePage.GB18030 ? chinese : codePageNumbers.containsKey(page);
    }
}
