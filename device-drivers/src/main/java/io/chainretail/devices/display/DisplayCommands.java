package io.chainretail.devices.display;

import io.chainretail.devices.escpos.CodePage;
import io.chainretail.devices.text.TextWidth;
import java.io.ByteArrayOutputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * The ESC/POS command set of customer (pole) displays, as Epson's DM-D series and the many VFDs that copy it
 * speak it: {@code ESC @} resets, {@code US MD1} overwrites instead of scrolling, {@code US C 0} hides the
 * cursor, {@code US $ x y} moves it, and text is written where it stands. A display with Chinese characters
 * enters its double-byte GB18030 mode with {@code FS &}, as receipt printers do.
 */
public final class DisplayCommands {

    public static final byte ESC = 0x1B;
    public static final byte US = 0x1F;
    public static final byte FS = 0x1C;
    public static final byte FF = 0x0C;

    private final CodePage codePage;
    private final int columns;

    /**
     * @param codePage {@link CodePage#CP437} for a display with the plain table (a character it lacks shows as
     *                 {@code ?}), {@link CodePage#GB18030} for one with Chinese characters
     */
    public DisplayCommands(CodePage codePage, int columns) {
        this.codePage = codePage;
        this.columns = columns;
    }

    public int columns() {
        return columns;
    }

    /** Resets the display and sets it up for {@link #frame}: overwrite mode, no cursor, the character table. */
    public byte[] initialise() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {ESC, '@', US, 0x01, US, 'C', 0, FF});
        if (codePage == CodePage.GB18030) {
            out.writeBytes(new byte[] {FS, '&'});
        }
        return out.toByteArray();
    }

    /**
     * Both lines, each written whole from its first column and padded with spaces: what was there before is
     * overwritten without clearing the screen first, so the display never flickers blank.
     */
    public byte[] frame(DisplayFrame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, 1, frame.upper());
        line(out, 2, frame.lower());
        return out.toByteArray();
    }

    private void line(ByteArrayOutputStream out, int row, String text) {
        String shown = TextWidth.fit(displayable(text), columns);
        out.writeBytes(new byte[] {US, '$', 1, (byte) row});
        out.writeBytes(encode(shown + " ".repeat(columns - TextWidth.of(shown))));
    }

    /** The text with what the display cannot show (a control character, a letter not in its table) as ?. */
    private String displayable(String text) {
        StringBuilder shown = new StringBuilder();
        CharsetEncoder encoder = codePage.charset().newEncoder();
        text.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            boolean printable = cp >= 0x20 && cp != 0x7F && !Character.isISOControl(cp);
            shown.append(printable && encoder.canEncode(ch) ? ch : "?");
        });
        return shown.toString();
    }

    private byte[] encode(String text) {
        try {
            var bytes = codePage.charset().newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("displayable text did not encode", e);
        }
    }
}
