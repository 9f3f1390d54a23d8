package io.chainretail.devices.text;

/**
 * How many print columns text takes: Chinese, Japanese and Korean characters and full-width forms
 * are two columns wide on a receipt printer or a customer display, everything else one.
 */
public final class TextWidth {

    private TextWidth() {
    }

    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    public static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || cp >= 0xFF01 && cp <= 0xFF60 || cp >= 0x3000 && cp <= 0x303F;
    }

    /** The longest start of {@code text} that fits in {@code columns}. */
    public static String fit(String text, int columns) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = isWide(cp) ? 2 : 1;
            if (width + w > columns) {
                return text.substring(0, i);
            }
            width += w;
            i += Character.charCount(cp);
        }
        return text;
    }
}
