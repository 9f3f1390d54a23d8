package io.chainretail.devices.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals from socat, reachable through two symlinks, as a serial cable
 * between a device and its driver. Killing it is pulling the cable: both ends vanish.
 */
public final class PtyPair implements AutoCloseable {

    private final Path deviceEnd;
    private final Path driverEnd;
    private Process socat;

    public PtyPair(Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        this.deviceEnd = dir.resolve(name + "-device");
        this.driverEnd = dir.resolve(name + "-driver");
        start();
    }

    /** The end the simulator opens. */
    public String deviceEnd() {
        return deviceEnd.toString();
    }

    /** The end the driver opens, a symlink to a /dev/pts device. */
    public String driverEnd() {
        return driverEnd.toString();
    }

    /**
     * (Re)connects the cable. Any link left from an earlier socat is removed first: the new ptys often
     * reuse the old numbers, so an old link can point at a live pty of the new pair (even the wrong end)
     * before socat replaces it, and whoever opened it then would be talking to nobody.
     */
    public void start() throws IOException, InterruptedException {
        removeLinks();
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + deviceEnd, "pty,raw,echo=0,link=" + driverEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 5_000;
        while (!(Files.exists(deviceEnd) && Files.exists(driverEnd))) {
            if (System.currentTimeMillis() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not make the pty pair");
            }
            Thread.sleep(10);
        }
    }

    /**
     * Pulls the cable: socat dies, both ptys vanish, and so do their links, as udev removes a device's
     * symlink when it is unplugged (a killed socat cannot remove them itself).
     */
    public void kill() throws InterruptedException {
        socat.destroyForcibly();
        socat.waitFor(5, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 2_000;
        while ((Files.exists(deviceEnd) || Files.exists(driverEnd)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        try {
            removeLinks();
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove the pty links " + deviceEnd + ", " + driverEnd, e);
        }
    }

    private void removeLinks() throws IOException {
        Files.deleteIfExists(deviceEnd);
        Files.deleteIfExists(driverEnd);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Whether socat is installed. */
    public static boolean available() {
        try {
            return new ProcessBuilder("socat", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
