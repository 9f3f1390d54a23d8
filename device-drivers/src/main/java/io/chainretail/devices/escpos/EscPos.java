package io.chainretail.devices.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Builds the bytes of an ESC/POS print job, command by command, for one printer model. Pure: it only
 * appends bytes, which {@link #bytes()} returns, so a whole receipt goes to the printer in one write.
 * Commands the model lacks are refused here rather than printed as garbage.
 *
 * <p>Byte values follow the Epson ESC/POS command reference; each method names its command.
 */
public final class EscPos {

    /** Text alignment ({@code ESC a n}). */
    public enum Align { LEFT, CENTER, RIGHT }

    /** Where a barcode's digits are printed ({@code GS H n}). */
    public enum Hri { NONE, ABOVE, BELOW, BOTH }

    /** QR error correction ({@code GS ( k} function 169): L 7 %, M 15 %, Q 25 %, H 30 %. */
    public enum QrCorrection { L, M, Q, H }

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte FS = 0x1C;
    static final byte DLE = 0x10;
    static final byte LF = 0x0A;

    private final PrinterProfile profile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    private CodePage codePage = CodePage.CP437;

    private EscPos(PrinterProfile profile) {
        this.profile = profile;
    }

    public static EscPos of(PrinterProfile profile) {
        return new EscPos(profile);
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** {@code ESC @}: back to the power-on state (font A, left, no emphasis, code page CP437). */
    public EscPos init() {
        codePage = CodePage.CP437;
        return bytes(ESC, '@');
    }

    /**
     * Selects the table text is encoded in: {@code ESC t n} for a single-byte table, {@code FS &} for the
     * Chinese double-byte mode, and {@code FS .} when leaving that mode.
     */
    public EscPos codePage(CodePage page) {
        if (!profile.has(page)) {
            throw new IllegalArgumentException(profile.model() + " cannot print " + page);
        }
        if (page == codePage) {
            return this;
        }
        if (codePage == CodePage.GB18030) {
            bytes(FS, '.');
        }
        if (page == CodePage.GB18030) {
            bytes(FS, '&');
        } else {
            bytes(ESC, 't', profile.codePageNumbers().get(page));
        }
        codePage = page;
        return this;
    }

    public CodePage currentCodePage() {
        return codePage;
    }

    /** Text in the current table; a character the table lacks prints as {@code ?}. */
    public EscPos text(String text) {
        ByteBuffer encoded = encoded(text);
        out.write(encoded.array(), encoded.position(), encoded.remaining());
        return this;
    }

    /** What {@code text} prints as in the current table: characters it lacks become {@code ?}. */
    public String printable(String text) {
        return codePage.charset().decode(encoded(text)).toString();
    }

    private ByteBuffer encoded(String text) {
        CharsetEncoder encoder = codePage.charset().newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[] {'?'});
        try {
            return encoder.encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacement encoding cannot fail", e);
        }
    }

    /** Text and a line feed. */
    public EscPos line(String text) {
        return text(text).bytes(LF);
    }

    /** {@code ESC E n}: emphasised (bold) on or off. */
    public EscPos bold(boolean on) {
        return bytes(ESC, 'E', on ? 1 : 0);
    }

    /** {@code ESC - n}: underline 0 (off), 1 or 2 dots thick. */
    public EscPos underline(int dots) {
        require(dots >= 0 && dots <= 2, "underline is 0, 1 or 2 dots");
        return bytes(ESC, '-', dots);
    }

    /** {@code GS ! n}: character width and height, each 1 to 8 times. */
    public EscPos size(int width, int height) {
        require(width >= 1 && width <= 8 && height >= 1 && height <= 8, "size is 1 to 8 times");
        return bytes(GS, '!', (width - 1) << 4 | (height - 1));
    }

    /** {@code ESC M n}: font A (0, the default) or the smaller font B (1). */
    public EscPos font(int font) {
        require(font == 0 || font == 1, "font is 0 (A) or 1 (B)");
        return bytes(ESC, 'M', font);
    }

    /** {@code ESC a n}. */
    public EscPos align(Align align) {
        return bytes(ESC, 'a', align.ordinal());
    }

    /** {@code ESC d n}: prints the buffer and feeds {@code lines} lines. */
    public EscPos feed(int lines) {
        require(lines >= 0 && lines <= 255, "feed is 0 to 255 lines");
        return bytes(ESC, 'd', lines);
    }

    /** {@code GS V 66 0}: feeds to the cutter and cuts, partially (a tab holds the receipt) or fully. */
    public EscPos cut(boolean partial) {
        return bytes(GS, 'V', partial ? 66 : 65, 0);
    }

    /**
     * {@code ESC p m t1 t2}: a pulse on drawer kick-out connector pin 2 ({@code pin} 0) or pin 5 (1),
     * on for {@code onMillis} and off for {@code offMillis} (2 ms units on the wire).
     */
    public EscPos drawerKick(int pin, int onMillis, int offMillis) {
        require(pin == 0 || pin == 1, "drawer pin is 0 (pin 2) or 1 (pin 5)");
        require(onMillis >= 2 && onMillis <= 510 && offMillis >= 2 && offMillis <= 510, "pulse is 2 to 510 ms");
        return bytes(ESC, 'p', pin, onMillis / 2, offMillis / 2);
    }

    /**
     * {@code DLE DC4 1 m t}: a drawer pulse in real time, on pin 2 ({@code pin} 0) or pin 5 (1), for
     * {@code hundredsOfMillis} x 100 ms. Executed at once even when the printer is offline (out of paper,
     * cover open), so the cash drawer opens whatever the paper does.
     */
    public EscPos realTimeDrawerPulse(int pin, int hundredsOfMillis) {
        require(pin == 0 || pin == 1, "drawer pin is 0 (pin 2) or 1 (pin 5)");
        require(hundredsOfMillis >= 1 && hundredsOfMillis <= 8, "pulse is 1 to 8 x 100 ms");
        return bytes(DLE, 0x14, 1, pin, hundredsOfMillis);
    }

    /** {@code GS h n}: barcode height in dots. */
    public EscPos barcodeHeight(int dots) {
        require(dots >= 1 && dots <= 255, "barcode height is 1 to 255 dots");
        return bytes(GS, 'h', dots);
    }

    /** {@code GS w n}: barcode module width, 2 to 6 dots. */
    public EscPos barcodeWidth(int dots) {
        require(dots >= 2 && dots <= 6, "barcode module width is 2 to 6 dots");
        return bytes(GS, 'w', dots);
    }

    /** {@code GS H n}. */
    public EscPos hri(Hri position) {
        return bytes(GS, 'H', position.ordinal());
    }

    /**
     * {@code GS k 67 n d1...dn}: an EAN-13 of 12 digits (the printer adds the check digit) or 13 (the
     * check digit must be right, or the printer prints nothing).
     */
    public EscPos ean13(String digits) {
        requireBarcodes();
        require(digits.matches("\\d{12,13}"), "EAN-13 takes 12 or 13 digits, not " + digits);
        bytes(GS, 'k', 67, digits.length());
        return ascii(digits);
    }

    /**
     * {@code GS k 73 n {B d1...dn}}: CODE128 in code set B (printable ASCII), e.g. a receipt number.
     */
    public EscPos code128(String data) {
        requireBarcodes();
        require(data.matches("[\\x20-\\x7E]{1,253}") && !data.contains("{"),
                "CODE128 set B takes 1 to 253 printable ASCII characters except '{'");
        bytes(GS, 'k', 73, data.length() + 2, '{', 'B');
        return ascii(data);
    }

    /**
     * A QR code, model 2, through {@code GS ( k}: select the model (function 165, {@code cn} 49, model
     * byte 50), module size (167), error correction (169), store the data (180), print it (181). The
     * model byte is 49 (model 1) or 50 (model 2); escpos-coffee 4.1.0 sends 48, which the standard does
     * not define.
     */
    public EscPos qr(String data, int moduleDots, QrCorrection correction) {
        if (!profile.qr()) {
            throw new IllegalArgumentException(profile.model() + " prints no QR codes");
        }
        require(moduleDots >= 1 && moduleDots <= 16, "QR module size is 1 to 16 dots");
        byte[] payload = data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        require(payload.length >= 1 && payload.length <= 7089, "QR data is 1 to 7089 bytes");
        bytes(GS, '(', 'k', 4, 0, 49, 65, 50, 0);
        bytes(GS, '(', 'k', 3, 0, 49, 67, moduleDots);
        bytes(GS, '(', 'k', 3, 0, 49, 69, 48 + correction.ordinal());
        int length = payload.length + 3;
        bytes(GS, '(', 'k', length & 0xFF, length >> 8, 49, 80, 48);
        out.writeBytes(payload);
        return bytes(GS, '(', 'k', 3, 0, 49, 81, 48);
    }

    /**
     * A black-and-white image through {@code GS v 0 0 xL xH yL yH d...}, sent in bands of at most the
     * model's {@link PrinterProfile#maxRasterBand()} rows (larger single commands overflow some models'
     * buffers and print garbage).
     */
    public EscPos raster(Raster image) {
        require(image.widthDots() <= profile.dotsPerLine(), "image is " + image.widthDots()
                + " dots wide; the paper takes " + profile.dotsPerLine());
        int bytesPerRow = image.bytesPerRow();
        for (int top = 0; top < image.heightDots(); top += profile.maxRasterBand()) {
            int rows = Math.min(profile.maxRasterBand(), image.heightDots() - top);
            bytes(GS, 'v', '0', 0, bytesPerRow & 0xFF, bytesPerRow >> 8, rows & 0xFF, rows >> 8);
            out.write(image.packed(), top * bytesPerRow, rows * bytesPerRow);
        }
        return this;
    }

    /** {@code DLE EOT n}: asks for real-time status 1 (printer), 2 (offline cause), 3 (error) or 4 (paper). */
    public EscPos statusRequest(int n) {
        require(n >= 1 && n <= 4, "DLE EOT takes 1 to 4");
        return bytes(DLE, 4, n);
    }

    /**
     * {@code GS a n}: automatic status back. With {@code n} 0x0F the printer reports drawer, offline,
     * error and paper changes by itself, as 4-byte messages {@link PrinterStatus} tells from replies to
     * {@code DLE EOT}.
     */
    public EscPos automaticStatus(int n) {
        return bytes(GS, 'a', n);
    }

    /** Everything appended so far. */
    public byte[] bytes() {
        return out.toByteArray();
    }

    private EscPos ascii(String text) {
        out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return this;
    }

    private EscPos bytes(int... values) {
        for (int value : values) {
            out.write(value);
        }
        return this;
    }

    private void requireBarcodes() {
        if (!profile.barcodes()) {
            throw new IllegalArgumentException(profile.model() + " prints no barcodes");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
