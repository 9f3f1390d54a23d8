package io.chainretail.devices.scanner;

import io.chainretail.core.gtin.Gtin;

/**
 * One scan, read: the code (AIM identifier removed), its symbology when the scanner said, and for a
 * GTIN whether its check digit holds. A scan that fails the check is a misread: reported, never sold.
 */
public record ScannedCode(String code, Symbology symbology, String misread) {

    public boolean ok() {
        return misread == null;
    }

    /** Reads one framed scan. */
    public static ScannedCode of(String frame) {
        Symbology symbology = null;
        String code = frame;
        if (frame.length() >= 3 && frame.charAt(0) == ']') {
            symbology = Symbology.ofAim(frame.substring(0, 3)).orElse(null);
            if (symbology == null) {
                return new ScannedCode(frame, null, "unknown symbology identifier " + frame.substring(0, 3));
            }
            code = frame.substring(3);
        }
        boolean looksLikeGtin = symbology == null ? code.matches("\\d{8}|\\d{12,14}") : symbology.gtin();
        if (looksLikeGtin && !Gtin.isValid(code)) {
            return new ScannedCode(code, symbology, "misread " + code + ": " + Gtin.problem(code));
        }
        return new ScannedCode(code, symbology, null);
    }
}
