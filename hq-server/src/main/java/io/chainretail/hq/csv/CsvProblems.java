package io.chainretail.hq.csv;

import io.chainretail.core.error.InvalidField;
import io.chainretail.core.error.Refusal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Every problem of a CSV import, by line; an import with any is refused whole. */
public final class CsvProblems {

    /** The most problems a report lists; the count is always exact. */
    public static final int REPORTED = 1_000;

    /** One problem: the line, the column (if it is about one) and why. */
    public record Problem(int line, String column, String reason) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private int count;

    public void add(int line, String column, String reason) {
        count++;
        if (problems.size() < REPORTED) {
            problems.add(new Problem(line, column, reason));
        }
    }

    /** Runs {@code parse}; a field it refuses becomes a problem of {@code line}, and the result {@code null}. */
    public <T> T collect(int line, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidField e) {
            add(line, column(e.field()), e.reason());
        } catch (Refusal e) {
            add(line, column(e.field()), e.getMessage());
        }
        return null;
    }

    /** The CSV column of a record field: {@code taxClass} is {@code tax_class}, {@code barcodes[1]} is barcodes. */
    static String column(String field) {
        if (field == null) {
            return null;
        }
        int bracket = field.indexOf('[');
        String name = bracket < 0 ? field : field.substring(0, bracket);
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int count() {
        return count;
    }

    /** Refuses the import if there is any problem, listing them all (up to {@link #REPORTED}). */
    public void refuseIfAny() {
        if (count > 0) {
            throw new CsvRefusal(this);
        }
    }

    /** The reported problems in line order. */
    public List<Problem> list() {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }
}
