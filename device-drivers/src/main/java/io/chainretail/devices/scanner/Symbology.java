package io.chainretail.devices.scanner;

import java.util.Optional;

/**
 * Barcode types by their AIM symbology identifier ({@code ]} + code character + modifier), which a
 * scanner configured to send it puts before the data: {@code ]E0} is an EAN-13 or UPC-A, {@code ]C1} a
 * GS1-128, {@code ]e0} a GS1 DataBar, {@code ]E3} an EAN-13 with its add-on, {@code ]Q1} a QR code.
 */
public enum Symbology {
    EAN13("]E0", true, false),
    /** An EAN-13 and its 2- or 5-digit add-on sent as one: a periodical and its issue. */
    EAN13_ADD_ON("]E3", false, false),
    EAN8("]E4", true, false),
    CODE128("]C0", false, false),
    GS1_128("]C1", false, true),
    GS1_DATABAR("]e0", false, true),
    CODE39("]A0", false, false),
    ITF("]I0", false, false),
    QR("]Q1", false, false),
    GS1_QR("]Q3", false, true),
    DATAMATRIX("]d1", false, false),
    GS1_DATAMATRIX("]d2", false, true);

    private final String aim;
    private final boolean gtin;
    private final boolean gs1;

    Symbology(String aim, boolean gtin, boolean gs1) {
        this.aim = aim;
        this.gtin = gtin;
        this.gs1 = gs1;
    }

    public String aim() {
        return aim;
    }

    /** Whether the data is a GTIN whose check digit must be right. */
    public boolean gtin() {
        return gtin;
    }

    /** Whether the data is a GS1 element string (application identifiers and their data). */
    public boolean gs1() {
        return gs1;
    }

    /** The symbology of a 3-character AIM identifier. */
    public static Optional<Symbology> ofAim(String id) {
        for (Symbology symbology : values()) {
            if (symbology.aim.equals(id)) {
                return Optional.of(symbology);
            }
        }
        return Optional.empty();
    }
}
