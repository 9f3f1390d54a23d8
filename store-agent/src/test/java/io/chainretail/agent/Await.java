package io.chainretail.agent;

import java.util.function.BooleanSupplier;

/** Waits in tests for what the agent does on its own threads. */
public final class Await {

    private static final long PATIENCE_MS = 15_000;

    private Await() {
    }

    /** Polls until the condition holds, or fails after 15 s saying what was awaited. */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
