package io.chainretail.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens asynchronously, with a deadline and a message for when it does not. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
    }
}
