package io.chainretail.devices.scanner;

import io.chainretail.core.gtin.Gs1ElementString;
import io.chainretail.core.gtin.Gtin;
import java.time.Duration;
import java.util.Map;

/**
 * One scan, read: the code the till looks up (AIM identifier removed; an add-on, or the rest of a GS1
 * element string, kept beside it), its symbology when the scanner said, and for a GTIN whether its check
 * digit holds. A scan that fails a check is a misread: reported, never sold.
 *
 * @param code        what the till looks the item up by: the GTIN of an EAN or a GS1 element string, else the data
 * @param addOn       the 2- or 5-digit add-on of an EAN with one (a periodical's issue), else null
 * @param gs1         the element string's fields by application identifier, empty when it is none
 * @param misread     why the scan cannot be trusted, in words; null when it can
 */
public record ScannedCode(String code, Symbology symbology, String addOn, Map<String, String> gs1, String misread) {

    public ScannedCode {
        gs1 = gs1 == null ? Map.of() : Map.copyOf(gs1);
    }

    public boolean ok() {
        return misread == null;
    }

    /** Reads one framed scan. */
    public static ScannedCode of(String frame) {
        String unreadable = unreadable(frame);
        if (unreadable != null) {
            return misread(frame, null, "unreadable bytes " + unreadable);
        }
        if (frame.length() >= 3 && frame.charAt(0) == ']') {
            Symbology symbology = Symbology.ofAim(frame.substring(0, 3)).orElse(null);
            if (symbology == null) {
                return misread(frame, null, "unknown symbology identifier " + frame.substring(0, 3));
            }
            return read(frame.substring(3), symbology);
        }
        return read(frame, null);
    }

    /** The start of a scan whose end never came. */
    public static ScannedCode incomplete(String fragment, Duration silence) {
        String shown = unreadable(fragment) == null ? fragment : unreadable(fragment);
        return misread(fragment, null, "incomplete scan " + shown + " dropped after " + silence.toMillis()
                + " ms without its end");
    }

    private static ScannedCode read(String data, Symbology symbology) {
        if (symbology == Symbology.EAN13_ADD_ON) {
            return withAddOn(data);
        }
        if (symbology != null && symbology.gs1() || symbology == null && data.startsWith("(")) {
            return gs1(data, symbology);
        }
        boolean looksLikeGtin = symbology == null ? data.matches("\\d{8}|\\d{12,14}") : symbology.gtin();
        if (looksLikeGtin && !Gtin.isValid(data)) {
            return misread(data, symbology, "misread " + data + ": " + Gtin.problem(data));
        }
        return new ScannedCode(data, symbology, null, Map.of(), null);
    }

    /** An EAN-13 followed by its 2- or 5-digit add-on, as one run of 15 or 18 digits. */
    private static ScannedCode withAddOn(String data) {
        if (!data.matches("\\d{15}|\\d{18}")) {
            return misread(data, Symbology.EAN13_ADD_ON, "misread " + data + ": an EAN-13 with an add-on has 15 or"
                    + " 18 digits");
        }
        String ean = data.substring(0, 13);
        if (!Gtin.isValid(ean)) {
            return misread(data, Symbology.EAN13_ADD_ON, "misread " + data + ": " + Gtin.problem(ean));
        }
        return new ScannedCode(ean, Symbology.EAN13_ADD_ON, data.substring(13), Map.of(), null);
    }

    private static ScannedCode gs1(String data, Symbology symbology) {
        try {
            Gs1ElementString elements = Gs1ElementString.parse(data);
            return new ScannedCode(elements.gtin().orElse(data), symbology, null, elements.elements(), null);
        } catch (IllegalArgumentException e) {
            return misread(data, symbology, "misread " + data + ": " + e.getMessage());
        }
    }

    private static ScannedCode misread(String data, Symbology symbology, String why) {
        return new ScannedCode(data, symbology, null, Map.of(), why);
    }

    /**
     * The scan's bytes in hex when any is not printable ASCII (GS, which separates GS1 fields, is allowed):
     * line noise or a scanner set to the wrong baud rate, never a barcode; else null.
     */
    private static String unreadable(String frame) {
        boolean bad = frame.chars().anyMatch(c -> (c < 0x20 && c != 0x1D) || c > 0x7E);
        if (!bad) {
            return null;
        }
        StringBuilder hex = new StringBuilder();
        frame.chars().limit(32).forEach(c -> hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02x", c)));
        return frame.length() > 32 ? hex + " ..." : hex.toString();
    }
}
