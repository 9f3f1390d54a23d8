package io.chainretail.devices.sim;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Tests' pty pair: skipped loudly without socat, except in CI, where these tests must run. */
public final class SocatPair {

    private SocatPair() {
    }

    public static PtyPair open(Path dir, String name) throws IOException, InterruptedException {
        if (!PtyPair.available()) {
            String message = "serial tests need socat (apt-get install socat)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + ", and CI must run them.");
            }
            System.err.println("\n!!! SKIPPED: " + message + " !!!\n");
            Assumptions.abort(message);
        }
        return new PtyPair(dir, name);
    }
}
