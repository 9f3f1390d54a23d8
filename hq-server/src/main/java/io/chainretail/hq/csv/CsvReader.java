package io.chainretail.hq.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, optionally quoted with {@code "} (a quoted field may
 * hold commas, quotes doubled, and line breaks), records ended by LF or CRLF, a UTF-8 byte-order mark
 * tolerated. Each record keeps the line it started on, so errors can name it.
 */
public final class CsvReader {

    /** One record and the line number (1-based) it starts on. */
    public record Row(int line, List<String> fields) {
    }

    private final Reader in;
    private int line = 1;
    private int next = -2;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or {@code null} at the end; blank lines are skipped. */
    public Row read() throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endOfLine();
                continue;
            }
            int start = line;
            List<String> fields = new ArrayList<>();
            while (true) {
                fields.add(field(start));
                c = peek();
                if (c == ',') {
                    take();
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    endOfLine();
                }
                return new Row(start, fields);
            }
        }
    }

    private String field(int start) throws IOException {
        StringBuilder value = new StringBuilder();
        if (peek() != '"') {
            for (int c = peek(); c != -1 && c != ',' && c != '\r' && c != '\n'; c = peek()) {
                value.append((char) take());
            }
            return value.toString();
        }
        take();
        while (true) {
            int c = take();
            if (c == -1) {
                throw new CsvException(start, "a quoted field is not closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    value.append((char) take());
                    continue;
                }
                int after = peek();
                if (after != ',' && after != '\r' && after != '\n' && after != -1) {
                    throw new CsvException(line, "text after the closing quote of a field");
                }
                return value.toString();
            }
            if (c == '\n') {
                line++;
            }
            value.append((char) c);
        }
    }

    private void endOfLine() throws IOException {
        if (take() == '\r' && peek() == '\n') {
            take();
        }
        line++;
    }

    private int peek() throws IOException {
        if (next == -2) {
            next = in.read();
            if (next == '\uFEFF' && line == 1) {
                next = in.read();
            }
        }
        return next;
    }

    private int take() throws IOException {
        int c = peek();
        next = -2;
        return c;
    }
}
