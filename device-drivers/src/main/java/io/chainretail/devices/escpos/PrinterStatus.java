package io.chainretail.devices.escpos;

/**
 * What a printer said about itself: online or not, cover, paper, errors, the drawer sensor. Built from
 * automatic status back (four bytes, {@code GS a}) or from the replies to the four real-time requests
 * ({@code DLE EOT 1..4}); see {@link StatusReader}.
 */
public record PrinterStatus(boolean online, boolean coverOpen, boolean paperOut, boolean paperNearEnd,
        boolean cutterError, boolean unrecoverableError, boolean recoverableError, boolean drawerSensorHigh) {

    /** Nothing known to be wrong. */
    public static final PrinterStatus READY = new PrinterStatus(true, false, false, false, false, false, false,
            false);

    /** Whether a receipt can print now. */
    public boolean canPrint() {
        return online && !coverOpen && !paperOut && !cutterError && !unrecoverableError && !recoverableError;
    }

    /** What a cashier should do about it, or an empty string when nothing. */
    public String problem() {
        if (paperOut) {
            return "The receipt printer is out of paper: put in a new roll.";
        }
        if (coverOpen) {
            return "The receipt printer's cover is open: close it.";
        }
        if (cutterError) {
            return "The receipt printer's cutter is jammed: open the cover and clear it.";
        }
        if (unrecoverableError) {
            return "The receipt printer has failed: switch it off and on, then call support.";
        }
        if (recoverableError || !online) {
            return "The receipt printer is offline: check it is switched on.";
        }
        return "";
    }

    /** What a cashier should know though the printer still prints, or an empty string when nothing. */
    public String warning() {
        return paperNearEnd && !paperOut ? "The receipt printer's paper is running out: have a new roll ready." : "";
    }

    /** From an automatic status back message (4 bytes, the first one {@code 0**1**00}). */
    static PrinterStatus fromAsb(byte[] asb) {
        int first = asb[0];
        int second = asb[1];
        int third = asb[2];
        return new PrinterStatus((first & 0x08) == 0, (first & 0x20) != 0, (third & 0x0C) != 0,
                (third & 0x03) != 0, (second & 0x08) != 0, (second & 0x20) != 0, (second & 0x40) != 0,
                (first & 0x04) != 0);
    }

    /** This status updated with the reply {@code value} to {@code DLE EOT n}. */
    public PrinterStatus withRealTime(int n, int value) {
        return switch (n) {
            case 1 -> new PrinterStatus((value & 0x08) == 0, coverOpen, paperOut, paperNearEnd, cutterError,
                    unrecoverableError, recoverableError, (value & 0x04) != 0);
            // Offline cause; which error it was comes with n = 3.
            case 2 -> new PrinterStatus(online, (value & 0x04) != 0, (value & 0x20) != 0, paperNearEnd, cutterError,
                    unrecoverableError, recoverableError, drawerSensorHigh);
            case 3 -> new PrinterStatus(online, coverOpen, paperOut, paperNearEnd, (value & 0x08) != 0,
                    (value & 0x20) != 0, (value & 0x40) != 0, drawerSensorHigh);
            case 4 -> new PrinterStatus(online, coverOpen, (value & 0x60) != 0, (value & 0x0C) != 0, cutterError,
                    unrecoverableError, recoverableError, drawerSensorHigh);
            default -> throw new IllegalArgumentException("DLE EOT takes 1 to 4, not " + n);
        };
    }
}
