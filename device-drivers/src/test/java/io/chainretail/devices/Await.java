package io.chainretail.devices;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits in tests for what devices do on their own threads. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} until it holds, failing after 15 s with {@code what} in the message. */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, what, java.time.Duration.ofSeconds(15));
    }

    /** Polls {@code condition} until it holds, failing after {@code limit}. */
    public static void until(BooleanSupplier condition, String what, java.time.Duration limit)
            throws InterruptedException {
        until(condition, () -> what, limit);
    }

    /** As above, with the failure message made at the deadline, so it can say what state was reached. */
    public static void until(BooleanSupplier condition, Supplier<String> what, java.time.Duration limit)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            Thread.sleep(10);
        }
    }
}
