package io.chainretail.devices.escpos;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a printer sends back, byte by byte as it arrives, and tells its messages apart by their
 * fixed bits (Epson and Citizen manuals, "identification of send status"): a reply to {@code DLE EOT}
 * is {@code 0**1**10}, the first byte of automatic status back {@code 0**1**00} followed by three bytes
 * {@code 0**0****}; XON and XOFF are flow control and skipped. Anything else is line noise and dropped.
 */
public final class StatusReader {

    /** One message from the printer. */
    public sealed interface Message permits Automatic, RealTime {
    }

    /** A complete automatic status back message. */
    public record Automatic(PrinterStatus status) implements Message {
    }

    /** A reply to a {@code DLE EOT} request. */
    public record RealTime(int value) implements Message {
    }

    static final int XON = 0x11;
    static final int XOFF = 0x13;

    private final ByteArrayOutputStream asb = new ByteArrayOutputStream(4);

    /** Forgets a message begun on a connection that is gone. */
    public void reset() {
        asb.reset();
    }

    /** The messages completed by {@code count} more bytes. */
    public List<Message> accept(byte[] bytes, int count) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int b = bytes[i] & 0xFF;
            if (b == XON || b == XOFF) {
                continue;
            }
            if (asb.size() > 0) {
                if ((b & 0x90) == 0x00) {
                    asb.write(b);
                    if (asb.size() == 4) {
                        messages.add(new Automatic(PrinterStatus.fromAsb(asb.toByteArray())));
                        asb.reset();
                    }
                    continue;
                }
                asb.reset(); // broken off: start over with this byte
            }
            if ((b & 0x93) == 0x10) {
                asb.write(b);
            } else if ((b & 0x93) == 0x12) {
                messages.add(new RealTime(b));
            }
        }
        return messages;
    }
}
