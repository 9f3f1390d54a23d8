package io.chainretail.hq.csv;

/** An import refused because of its problems; nothing of it was stored. */
public class CsvRefusal extends RuntimeException {

    private final CsvProblems problems;

    public CsvRefusal(CsvProblems problems) {
        super(problems.count() + (problems.count() == 1 ? " row has a problem" : " problems")
                + "; nothing was imported");
        this.problems = problems;
    }

    public CsvProblems problems() {
        return problems;
    }
}
