package io.chainretail.devices.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ESC/POS bytes the way a printer does: text in the selected code page (single-byte tables by
 * their {@code ESC t} number on the given model, GB18030 between {@code FS &} and {@code FS .}), and
 * the commands, whose parameters it skips by their defined lengths. What it cannot read is reported,
 * never guessed. The printer simulator prints with it; tests check receipts against it.
 */
public final class EscPosDecoder {

    /**
     * The printed text (one {@code \n} per line feed), what else happened, what could not be read, and
     * how many bytes were read: fewer than given when they end inside a command (more is on its way);
     * and the same text line by line with how each line was printed.
     */
    public record Decoded(String text, List<String> events, List<String> errors, int consumed,
            List<PrintedLine> lines) {
    }

    /** Where a line's text goes across the paper. */
    public enum Align { LEFT, CENTER, RIGHT }

    /**
     * One printed line: its alignment (as set when the line began), whether any of it was bold, and its
     * largest character width and height multipliers.
     */
    public record PrintedLine(String text, Align align, boolean bold, int width, int height) {
    }

    /** Where (the byte offset just after) the {@code index}th event's command ended in {@code bytes}. */
    public int endOfEvent(byte[] bytes, int index) {
        Run run = new Run(bytes);
        run.stopAfterEvents = index + 1;
        run.decode();
        return run.at;
    }

    private final PrinterProfile profile;

    public EscPosDecoder(PrinterProfile profile) {
        this.profile = profile;
    }

    public Decoded decode(byte[] bytes) {
        return new Run(bytes).decode();
    }

    private final class Run {

        private final byte[] in;
        private final StringBuilder text = new StringBuilder();
        private final List<String> events = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final List<PrintedLine> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private CodePage single = CodePage.CP437;
        private boolean chinese;
        private Align align = Align.LEFT;
        private boolean bold;
        private int width = 1;
        private int height = 1;
        private Align lineAlign;
        private boolean lineBold;
        private int lineWidth = 1;
        private int lineHeight = 1;
        private boolean incomplete;
        private int stopAfterEvents = Integer.MAX_VALUE;
        private int at;

        Run(byte[] in) {
            this.in = in;
        }

        Decoded decode() {
            while (at < in.length && events.size() < stopAfterEvents) {
                int b = in[at] & 0xFF;
                if (b == EscPos.ESC || b == EscPos.GS || b == EscPos.FS || b == EscPos.DLE) {
                    flush();
                    int start = at;
                    if (!command(b)) {
                        at = start;
                        if (!incomplete) {
                            errors.add(String.format("unknown command %02X %02X at byte %d", b, in[start + 1], start));
                        }
                        break;
                    }
                } else if (b == EscPos.LF) {
                    flush();
                    text.append('\n');
                    endLine();
                    at++;
                } else if (b == '\r') {
                    at++;
                } else if (b < 0x20 && b != '\t') {
                    flush();
                    errors.add(String.format("control byte %02X at byte %d", b, at));
                    at++;
                } else {
                    pending.write(b);
                    at++;
                }
            }
            flush();
            if (line.length() > 0) {
                endLine();
            }
            return new Decoded(text.toString(), List.copyOf(events), List.copyOf(errors), at, List.copyOf(lines));
        }

        private void flush() {
            if (pending.size() > 0) {
                String decoded = new String(pending.toByteArray(), chinese ? CodePage.GB18030.charset()
                        : single.charset());
                text.append(decoded);
                if (lineAlign == null) {
                    lineAlign = align; // a printer aligns a line by the setting at its start
                }
                line.append(decoded);
                lineBold |= bold;
                lineWidth = Math.max(lineWidth, width);
                lineHeight = Math.max(lineHeight, height);
                pending.reset();
            }
        }

        private void endLine() {
            lines.add(new PrintedLine(line.toString(), lineAlign == null ? align : lineAlign, lineBold, lineWidth,
                    lineHeight));
            line.setLength(0);
            lineAlign = null;
            lineBold = false;
            lineWidth = 1;
            lineHeight = 1;
        }

        /** Follows the commands that change how text looks; {@code n} is the command's parameter. */
        private void style(int prefix, int fn, int n) {
            if (prefix == EscPos.ESC && fn == 'a') {
                align = switch (n) {
                    case 1, '1' -> Align.CENTER;
                    case 2, '2' -> Align.RIGHT;
                    default -> Align.LEFT;
                };
            } else if (prefix == EscPos.ESC && fn == 'E') {
                bold = (n & 1) == 1;
            } else if (prefix == EscPos.ESC && fn == '!') {
                bold = (n & 0x08) != 0;
                height = (n & 0x10) != 0 ? 2 : 1;
                width = (n & 0x20) != 0 ? 2 : 1;
            } else if (prefix == EscPos.GS && fn == '!') {
                width = (n >> 4 & 7) + 1;
                height = (n & 7) + 1;
            }
        }

        /** Consumes one command at {@code at}; false when it is unknown or the bytes end inside it. */
        private boolean command(int prefix) {
            if (!has(2)) {
                return false;
            }
            int fn = in[at + 1] & 0xFF;
            return switch (prefix) {
                case EscPos.ESC -> esc(fn);
                case EscPos.GS -> gs(fn);
                case EscPos.FS -> fs(fn);
                default -> dle(fn);
            };
        }

        private boolean esc(int fn) {
            switch (fn) {
                case '@' -> {
                    single = CodePage.CP437;
                    chinese = false;
                    align = Align.LEFT;
                    bold = false;
                    width = 1;
                    height = 1;
                    return skip(2);
                }
                case '2' -> {
                    return skip(2);
                }
                case 'E', '-', 'M', 'a', '!', 'J', '3', 'd', 'G', 'R', 'V', '{', ' ' -> {
                    if (fn == 'd' && has(3)) {
                        events.add("feed " + (in[at + 2] & 0xFF));
                    }
                    if (has(3)) {
                        style(EscPos.ESC, fn, in[at + 2] & 0xFF);
                    }
                    return skip(3);
                }
                case 't' -> {
                    if (!has(3)) {
                        return false;
                    }
                    int n = in[at + 2] & 0xFF;
                    single = profile.codePageNumbers().entrySet().stream().filter(e -> e.getValue() == n)
                            .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
                    if (single == null) {
                        errors.add("code page " + n + " is not one of " + profile.model() + "'s");
                        single = CodePage.CP437;
                    }
                    return skip(3);
                }
                case 'p' -> {
                    if (!has(5)) {
                        return false;
                    }
                    events.add("drawer kick pin " + ((in[at + 2] & 1) == 1 ? 5 : 2));
                    return skip(5);
                }
                default -> {
                    return false;
                }
            }
        }

        private boolean gs(int fn) {
            switch (fn) {
                case 'a' -> {
                    if (!has(3)) {
                        return false;
                    }
                    events.add("automatic status " + (in[at + 2] & 0xFF));
                    return skip(3);
                }
                case '!', 'h', 'w', 'H', 'B', 'f', 'L' -> {
                    if (fn == '!' && has(3)) {
                        style(EscPos.GS, fn, in[at + 2] & 0xFF);
                    }
                    return skip(fn == 'L' ? 4 : 3);
                }
                case 'V' -> {
                    if (!has(3)) {
                        return false;
                    }
                    int m = in[at + 2] & 0xFF;
                    events.add(m == 1 || m == 49 || m == 66 ? "partial cut" : "cut");
                    return skip(m >= 65 ? 4 : 3);
                }
                case 'k' -> {
                    return barcode();
                }
                case '(' -> {
                    if (!has(5)) {
                        return false;
                    }
                    int length = (in[at + 3] & 0xFF) | (in[at + 4] & 0xFF) << 8;
                    if (!has(5 + length)) {
                        return false;
                    }
                    if (in[at + 2] == 'k' && length >= 3 && in[at + 5] == 49 && in[at + 6] == 80) {
                        events.add("QR " + new String(in, at + 8, length - 3, StandardCharsets.UTF_8));
                    } else if (in[at + 2] == 'k' && length == 4 && in[at + 6] == 65 && in[at + 7] != 49
                            && in[at + 7] != 50) {
                        errors.add("QR model byte " + in[at + 7] + " is not 49 or 50");
                    }
                    return skip(5 + length);
                }
                case 'v' -> {
                    if (!has(8) || in[at + 2] != '0') {
                        return false;
                    }
                    int width = (in[at + 4] & 0xFF) | (in[at + 5] & 0xFF) << 8;
                    int height = (in[at + 6] & 0xFF) | (in[at + 7] & 0xFF) << 8;
                    if (height > profile.maxRasterBand()) {
                        errors.add("raster band of " + height + " rows; " + profile.model() + " takes "
                                + profile.maxRasterBand());
                    }
                    events.add("raster " + width * 8 + "x" + height);
                    return skip(8 + width * height);
                }
                default -> {
                    return false;
                }
            }
        }

        private boolean barcode() {
            if (!has(3)) {
                return false;
            }
            int m = in[at + 2] & 0xFF;
            int start;
            int length;
            if (m <= 6) {
                start = at + 3;
                int end = start;
                while (end < in.length && in[end] != 0) {
                    end++;
                }
                if (end >= in.length) {
                    incomplete = true;
                    return false;
                }
                length = end - start;
                at = end + 1;
            } else {
                if (!has(4)) {
                    return false;
                }
                length = in[at + 3] & 0xFF;
                start = at + 4;
                if (!has(4 + length)) {
                    return false;
                }
                at = start + length;
            }
            String data = new String(in, start, length, StandardCharsets.US_ASCII);
            String kind = switch (m) {
                case 2, 67 -> "EAN13";
                case 73 -> "CODE128";
                default -> "barcode " + m;
            };
            events.add(kind + " " + (m == 73 && data.startsWith("{B") ? data.substring(2) : data));
            return true;
        }

        private boolean fs(int fn) {
            switch (fn) {
                case '&' -> {
                    chinese = true;
                    return skip(2);
                }
                case '.' -> {
                    chinese = false;
                    return skip(2);
                }
                case '!', '-', 'C', 'W' -> {
                    return skip(3);
                }
                default -> {
                    return false;
                }
            }
        }

        private boolean dle(int fn) {
            if (fn == 0x14) {
                if (!has(5)) {
                    return false;
                }
                events.add("drawer kick pin " + ((in[at + 3] & 1) == 1 ? 5 : 2));
                return skip(5);
            }
            if (fn == 4 && has(3)) {
                events.add("status request " + (in[at + 2] & 0xFF));
                return skip(3);
            }
            return false;
        }

        private boolean has(int count) {
            incomplete = at + count > in.length;
            return !incomplete;
        }

        private boolean skip(int count) {
            if (!has(count)) {
                return false;
            }
            at += count;
            return true;
        }
    }
}
