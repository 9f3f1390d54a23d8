package io.chainretail.hq.csv;

/** What the CSV imports share. */
final class CsvImports {

    /**
     * How long one import's transaction may run. A million products take HQ minutes; past the default minute the
     * transaction manager aborted the import from its own thread while the import still wrote, and on H2 that
     * closed the database file under every other request.
     */
    static final int TIMEOUT_SECONDS = 3_600;

    private CsvImports() {
    }
}
