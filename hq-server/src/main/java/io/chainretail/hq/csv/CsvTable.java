package io.chainretail.hq.csv;

import io.chainretail.core.error.InvalidField;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A CSV file read against its expected columns: a header naming them (any order), then rows read by
 * column name, one at a time as they are walked. Problems are collected with their line, never thrown one
 * at a time, so an import can report every bad row at once.
 */
public final class CsvTable {

    /** One value of one row, named for reading. */
    public final class Line {

        private final CsvReader.Row row;

        Line(CsvReader.Row row) {
            this.row = row;
        }

        public int number() {
            return row.line();
        }

        /** The column's value, {@code null} when empty. */
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= row.fields().size()) {
                return null;
            }
            String value = row.fields().get(index).strip();
            return value.isEmpty() ? null : value;
        }

        /** The column as a whole number, or {@code null} when empty. */
        public Long number(String column) {
            String value = get(column);
            if (value == null) {
                return null;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InvalidField(column, "'" + value + "' is not a whole number");
            }
        }

        /** The column as true/false (also 1/0, yes/no), {@code fallback} when empty. */
        public boolean flag(String column, boolean fallback) {
            String value = get(column);
            if (value == null) {
                return fallback;
            }
            return switch (value.toLowerCase()) {
                case "true", "1", "yes", "y" -> true;
                case "false", "0", "no", "n" -> false;
                default -> throw new InvalidField(column, "'" + value + "' is not true or false");
            };
        }
    }

    private final Map<String, Integer> columns = new HashMap<>();
    private final CsvProblems problems = new CsvProblems();
    private final CsvReader reader;
    private int fields;
    private boolean read;

    private CsvTable(CsvReader reader) {
        this.reader = reader;
    }

    /**
     * Reads the header. A header that lacks a required column or names an unknown one is a problem of line 1;
     * the rows are read as {@link #lines()} is walked, so a file is never held whole.
     */
    public static CsvTable read(Reader in, List<String> required, List<String> optional) throws IOException {
        CsvTable table = new CsvTable(new CsvReader(in));
        try {
            CsvReader.Row header = table.reader.read();
            if (header == null) {
                table.problems.add(1, null, "the file is empty; the first line names the columns: "
                        + String.join(",", required));
                table.read = true;
                return table;
            }
            table.fields = header.fields().size();
            Set<String> known = new HashSet<>(required);
            known.addAll(optional);
            for (int i = 0; i < header.fields().size(); i++) {
                String name = header.fields().get(i).strip();
                if (!known.contains(name)) {
                    table.problems.add(1, name, "unknown column; the columns are " + String.join(",", required)
                            + " and optionally " + String.join(",", optional));
                } else if (table.columns.put(name, i) != null) {
                    table.problems.add(1, name, "the column appears twice");
                }
            }
            for (String column : required) {
                if (!table.columns.containsKey(column)) {
                    table.problems.add(1, column, "required column is missing");
                }
            }
        } catch (CsvException e) {
            table.problems.add(e.line(), null, e.getMessage());
            table.read = true;
        }
        return table;
    }

    /**
     * The rows after the header, read from the file as they are walked, once. A row with a different number of
     * fields than the header, or text that is not CSV, is a problem of its line, not a row.
     */
    public Iterable<Line> lines() {
        if (read) {
            return List.of();
        }
        read = true;
        return () -> new Iterator<>() {
            private Line next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    CsvReader.Row row;
                    try {
                        row = reader.read();
                    } catch (CsvException e) {
                        problems.add(e.line(), null, e.getMessage());
                        return false;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (row == null) {
                        return false;
                    }
                    if (row.fields().size() != fields) {
                        problems.add(row.line(), null, "has " + row.fields().size() + " fields, the header has "
                                + fields);
                    } else {
                        next = new Line(row);
                    }
                }
                return true;
            }

            @Override
            public Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Line line = next;
                next = null;
                return line;
            }
        };
    }

    public CsvProblems problems() {
        return problems;
    }
}
