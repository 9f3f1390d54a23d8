package io.chainretail.hq.csv;

/** The file is not readable CSV at {@code line}. */
public class CsvException extends RuntimeException {

    private final int line;

    public CsvException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
