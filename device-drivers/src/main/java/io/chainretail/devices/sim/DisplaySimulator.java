package io.chainretail.devices.sim;

import io.chainretail.devices.display.DisplayCommands;
import io.chainretail.devices.transport.SerialTransport;
import io.chainretail.devices.transport.Transport;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A two-line customer display on the device end of a serial line (a socat pty), reading the ESC/POS display
 * commands a VFD understands into the characters it would light: reset, clear, cursor moves, overwrite mode
 * (the cursor runs on to the start of the other line), and Chinese characters two columns wide in its
 * GB18030 mode. Commands it does not know are skipped with their parameter, as a real display ignores them.
 */
public final class DisplaySimulator implements AutoCloseable {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset CP437 = Charset.forName("IBM437");
    /** Marks the right half of a two-column character. */
    private static final String RIGHT_HALF = "";

    private final Transport line;
    private final int columns;
    private final String[][] cells;
    private final Thread reader;
    private final byte[] pending = new byte[8];
    private int pendingCount;
    private int row;
    private int column;
    private boolean chinese;
    private int resets;
    private volatile boolean running = true;

    public DisplaySimulator(String path, int columns) throws IOException {
        this.line = new SerialTransport(path, 9_600);
        this.columns = columns;
        this.cells = new String[2][columns];
        clear();
        line.open();
        reader = new Thread(this::read, "display-simulator");
        reader.setDaemon(true);
        reader.start();
    }

    /** The two lines as lit now, trailing spaces removed. */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String[] cellsOfRow : cells) {
            lines.add(String.join("", cellsOfRow).stripTrailing());
        }
        return lines;
    }

    /** How often the display was reset ({@code ESC @}): once per (re)connection of its driver. */
    public synchronized int resets() {
        return resets;
    }

    /** Waits until the display shows what {@code wanted} accepts. */
    public List<String> await(Predicate<List<String>> wanted, Duration within) throws TimeoutException,
            InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (this) {
            while (!wanted.test(lines())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the display shows " + lines());
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return lines();
        }
    }

    private void read() {
        byte[] buffer = new byte[256];
        while (running) {
            try {
                int read = line.read(buffer, 100);
                synchronized (this) {
                    for (int i = 0; i < read; i++) {
                        accept(buffer[i]);
                    }
                    notifyAll();
                }
            } catch (IOException e) {
                return; // the cable is gone: this simulator is done, a new one opens the new line
            }
        }
    }

    private void accept(byte b) {
        pending[pendingCount++] = b;
        int used = interpret(Arrays.copyOf(pending, pendingCount));
        if (used > 0 || pendingCount == pending.length) {
            pendingCount = 0;
        }
    }

    /** Acts on a complete command or character at the start of {@code bytes}: its length, or 0 to wait for more. */
    private int interpret(byte[] bytes) {
        int first = bytes[0] & 0xFF;
        switch (first) {
            case DisplayCommands.ESC:
                return escape(bytes);
            case DisplayCommands.US:
                return unitSeparator(bytes);
            case DisplayCommands.FS:
                if (bytes.length < 2) {
                    return 0;
                }
                chinese = bytes[1] == '&' || chinese && bytes[1] != '.';
                return 2;
            case DisplayCommands.FF:
                clear();
                return 1;
            case '\r':
                column = 0;
                return 1;
            case '\n':
                row = 1 - row;
                return 1;
            case 0x0B:
                row = 0;
                column = 0;
                return 1;
            case 0x08:
                column = Math.max(0, column - 1);
                return 1;
            case 0x09:
                advance(1);
                return 1;
            default:
                return character(bytes, first);
        }
    }

    private int escape(byte[] bytes) {
        if (bytes.length < 2) {
            return 0;
        }
        if (bytes[1] == '@') {
            clear();
            chinese = false;
            resets++;
            return 2;
        }
        return bytes.length < 3 ? 0 : 3; // ESC t n, ESC = n and the like: one parameter
    }

    private int unitSeparator(byte[] bytes) {
        if (bytes.length < 2) {
            return 0;
        }
        if (bytes[1] == '$') {
            if (bytes.length < 4) {
                return 0;
            }
            column = Math.min(columns, Math.max(1, bytes[2])) - 1;
            row = Math.min(2, Math.max(1, bytes[3])) - 1;
            return 4;
        }
        if (bytes[1] >= 0x01 && bytes[1] <= 0x03) {
            return 2; // US MD1 to MD3: the display mode
        }
        return bytes.length < 3 ? 0 : 3; // US C n, US E n, US X n: one parameter
    }

    private int character(byte[] bytes, int first) {
        if (first < 0x20 || first == 0x7F) {
            return 1; // a control character this display does not know
        }
        if (first < 0x80) {
            put(String.valueOf((char) first), 1);
            return 1;
        }
        if (!chinese) {
            put(new String(bytes, 0, 1, CP437), 1);
            return 1;
        }
        if (bytes.length < 2) {
            return 0;
        }
        int second = bytes[1] & 0xFF;
        int length = second >= 0x30 && second <= 0x39 ? 4 : 2;
        if (bytes.length < length) {
            return 0;
        }
        put(new String(bytes, 0, length, GB18030), 2);
        return length;
    }

    private void put(String character, int width) {
        if (column + width > columns) {
            advance(columns - column);
        }
        // Half of a wide character left behind by a narrow one becomes a blank, as on the glass.
        if (cells[row][column].equals(RIGHT_HALF) && column > 0) {
            cells[row][column - 1] = " ";
        }
        int end = column + width;
        if (end < columns && cells[row][end].equals(RIGHT_HALF)) {
            cells[row][end] = " ";
        }
        cells[row][column] = character;
        if (width == 2) {
            cells[row][column + 1] = RIGHT_HALF;
        }
        advance(width);
    }

    /** Overwrite mode: past the last column the cursor goes on at the start of the other line. */
    private void advance(int by) {
        column += by;
        if (column >= columns) {
            column = 0;
            row = 1 - row;
        }
    }

    private void clear() {
        for (String[] cellsOfRow : cells) {
            Arrays.fill(cellsOfRow, " ");
        }
        row = 0;
        column = 0;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(2_000);
        line.close();
    }
}
