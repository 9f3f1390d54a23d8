package io.chainretail.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own (Debian's {@code /usr/sbin/mosquitto}), on a port of its own, so that a
 * test can stop and restart the broker under the system, with or without its persistence file, without
 * touching the machine's Mosquitto. Anonymous: the ACL is tested elsewhere.
 */
public final class MosquittoBroker implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port = AppProcess.freePort();
    private final Path dir;
    private final Path log;
    private Process process;

    public MosquittoBroker(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.log = dir.resolve("mosquitto.log");
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts it; with {@code persistent}, it keeps sessions and queued messages across a clean stop. */
    public MosquittoBroker start(boolean persistent) throws IOException, InterruptedException {
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence " + persistent,
                "persistence_location " + dir.toAbsolutePath() + "/",
                "autosave_interval 1",
                "max_inflight_messages 100",
                // As root, Mosquitto would switch to its own user, who cannot write the persistence file here.
                "root".equals(System.getProperty("user.name")) ? "user root" : "",
                "log_dest stdout",
                ""));
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("mosquitto did not start; see " + log);
            }
            Thread.sleep(50);
        }
        return this;
    }

    /** A clean stop (SIGTERM): a persistent broker writes its sessions and queues to disk first. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A crash ({@code kill -9}): whatever it had not saved yet (at most a second's worth) is gone. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Forgets everything it had kept: the next start is a broker without sessions or queued messages. */
    public void wipe() throws IOException {
        Files.deleteIfExists(dir.resolve("mosquitto.db"));
    }

    private boolean listening() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(1).toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
