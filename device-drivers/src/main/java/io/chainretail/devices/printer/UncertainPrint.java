package io.chainretail.devices.printer;

/**
 * A receipt that may or may not have printed: its bytes went towards the printer, which then dropped the
 * connection or did not confirm it. It is never sent again by itself (that could print it twice); a person
 * decides, by offering the customer a reprint.
 */
public final class UncertainPrint extends Exception {

    private final String jobId;

    public UncertainPrint(String jobId, String why) {
        super("receipt " + jobId + " may not have printed: " + why);
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
