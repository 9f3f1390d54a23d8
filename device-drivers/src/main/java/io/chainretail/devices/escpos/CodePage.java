package io.chainretail.devices.escpos;

import java.nio.charset.Charset;

/**
 * The character tables a receipt can be printed in. The single-byte ones are selected with
 * {@code ESC t n}, where {@code n} depends on the printer model ({@link PrinterProfile}); GB18030 is the
 * double-byte Chinese mode entered with {@code FS &} and left with {@code FS .}.
 */
public enum CodePage {

    /** The printer's power-on table: US letters, box drawing. */
    CP437("IBM437"),
    /** Western European letters and the euro sign (0xD5). */
    CP858("IBM00858"),
    /** Simplified Chinese, one or two bytes per character (ASCII stays one byte). */
    GB18030("GB18030");

    private final Charset charset;

    CodePage(String charsetName) {
        this.charset = Charset.forName(charsetName);
    }

    public Charset charset() {
        return charset;
    }

    /** Whether every character of {@code text} has a code in this table. */
    public boolean encodes(CharSequence text) {
        return charset.newEncoder().canEncode(text);
    }
}
