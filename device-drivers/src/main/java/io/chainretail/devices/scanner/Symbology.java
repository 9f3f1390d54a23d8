package io.chainretail.devices.scanner;

import java.util.Optional;

/**
 * Barcode types by their AIM symbology identifier ({@code ]} + code character + modifier), which a
 * scanner configured to send it puts before the data: {@code ]E0} is an EAN-13 or UPC-A, {@code ]C1} a
 * GS1-128, {@code ]Q1} a QR code.
 */
public enum Symbology {
    EAN13("]E0", true),
    EAN8("]E4", true),
    CODE128("]C0", false),
    GS1_128("]C1", false),
    CODE39("]A0", false),
    ITF("]I0", false),
    QR("]Q1", false),
    DATAMATRIX("]d1", false),
    GS1_DATAMATRIX("]d2", false);

    private final String aim;
    private final boolean gtin;

    Symbology(String aim, boolean gtin) {
        this.aim = aim;
        this.gtin = gtin;
    }

    public String aim() {
        return aim;
    }

    /** Whether the data is a GTIN whose check digit must be right. */
    public boolean gtin() {
        return gtin;
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
