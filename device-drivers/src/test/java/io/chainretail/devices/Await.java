package io.chainretail.devices;

import java.util.function.BooleanSupplier;

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
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
