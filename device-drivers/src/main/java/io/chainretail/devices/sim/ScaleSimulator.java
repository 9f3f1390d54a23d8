package io.chainretail.devices.sim;

import io.chainretail.devices.scale.ScaleReading;
import io.chainretail.devices.transport.SerialTransport;
import io.chainretail.devices.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A scale on the device end of a serial line (a socat pty) that speaks as a CAS indicator or a Mettler Toledo
 * one does: sending its weight ten times a second in a continuous mode, or answering {@code W} in Toledo's
 * demand mode. Whatever is put on it, settling or not, is what it reports; it can also send raw bytes, to play
 * line noise, or fall silent.
 */
public final class ScaleSimulator implements AutoCloseable {

    /** How the simulated scale talks. */
    public enum Mode { CAS, TOLEDO_CONTINUOUS, TOLEDO_CONTINUOUS_WITHOUT_CHECKSUM, TOLEDO_REQUEST }

    private final Transport line;
    private final Mode mode;
    private final Thread thread;
    private volatile ScaleReading onPlatter = new ScaleReading(0, ScaleReading.Condition.STABLE);
    private volatile boolean silent;
    private volatile boolean running = true;
    private volatile int requests;

    public ScaleSimulator(String path, Mode mode) throws IOException {
        this.line = new SerialTransport(path, 9_600);
        this.mode = mode;
        line.open();
        thread = new Thread(this::run, "scale-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** What the scale reports from now on. */
    public void put(ScaleReading reading) {
        onPlatter = reading;
    }

    /** Stops (or restarts) sending and answering, as a scale switched off on a live cable. */
    public void silent(boolean on) {
        silent = on;
    }

    /** {@code W} requests the scale has received. */
    public int requests() {
        return requests;
    }

    public void raw(byte[] bytes) throws IOException {
        line.write(bytes);
    }

    private void run() {
        byte[] buffer = new byte[64];
        try {
            while (running) {
                int read = line.read(buffer, 100);
                if (mode == Mode.TOLEDO_REQUEST) {
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == 'W') {
                            requests++;
                            if (!silent) {
                                line.write(demandAnswer(onPlatter));
                            }
                        }
                    }
                } else if (!silent) {
                    line.write(mode == Mode.CAS ? casLine(onPlatter) : toledoFrame(onPlatter,
                            mode == Mode.TOLEDO_CONTINUOUS));
                }
            }
        } catch (IOException e) {
            // The cable is gone: this simulator is done.
        }
    }

    /** A CAS 22-byte line: {@code ST,NT,} device id, lamp byte, {@code ,}, eight bytes of weight, unit, CR LF. */
    public static byte[] casLine(ScaleReading reading) {
        String status = switch (reading.condition()) {
            case OVERLOAD -> "OL";
            case MOTION -> "US";
            default -> "ST";
        };
        String weight = reading.condition() == ScaleReading.Condition.OVERLOAD ? "--------"
                : String.format(Locale.ROOT, "%c%7.3f", reading.grams() < 0 ? '-' : '+', Math.abs(reading.grams())
                        / 1000.0);
        String unit = reading.condition() == ScaleReading.Condition.NOT_KILOGRAMS ? "lb" : "kg";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((status + ",NT,1").getBytes(StandardCharsets.US_ASCII));
        out.write(0xC0); // lamp byte: bit 7 always set, bit 6 stable
        out.writeBytes(("," + weight + " " + unit + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A Mettler Toledo continuous frame with its tare field, weight to three decimals, checksum if asked for. */
    public static byte[] toledoFrame(ScaleReading reading, boolean checksum) {
        int swa = 0x20 | 0x08 | 5; // always-one bit, increment x1, three decimals
        int swb = 0x20 | 0x01 | (reading.grams() < 0 ? 0x02 : 0)
                | (reading.condition() == ScaleReading.Condition.OVERLOAD ? 0x04 : 0)
                | (reading.condition() == ScaleReading.Condition.MOTION ? 0x08 : 0)
                | (reading.condition() == ScaleReading.Condition.NOT_KILOGRAMS ? 0 : 0x10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x02);
        out.write(swa);
        out.write(swb);
        out.write(0x20);
        out.writeBytes(String.format(Locale.ROOT, "%06d000000\r", Math.abs(reading.grams()))
                .getBytes(StandardCharsets.US_ASCII));
        if (checksum) {
            byte[] body = out.toByteArray();
            int sum = 0;
            for (byte b : body) {
                sum += b & 0x7F;
            }
            out.write(-sum & 0x7F);
        }
        return out.toByteArray();
    }

    /** Toledo's answer to {@code W}: the settled weight, or {@code ?} and a status byte. */
    public static byte[] demandAnswer(ScaleReading reading) {
        int status = switch (reading.condition()) {
            case MOTION -> 0x01;
            case OVERLOAD -> 0x02;
            case UNDER_ZERO -> 0x04;
            default -> reading.grams() < 0 ? 0x04 : 0;
        };
        String text = status == 0 ? String.format(Locale.ROOT, "%06.3f", reading.grams() / 1000.0)
                : "?" + (char) (0x60 | status);
        return ("\u0002" + text + "\r").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
        line.close();
    }
}
