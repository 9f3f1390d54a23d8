package io.chainretail.e2e;

import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of our applications started from its packaged jar as a real OS process. */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Map<String, String> properties;
    private final Path log;
    private final int httpPort;
    private boolean useClassArchive = true;
    private String maxHeap = "512m";
    private String java = javaBinary();
    private List<String> jvmOptions = List.of();
    private Map<String, String> environment = Map.of();
    private Process process;

    public AppProcess(String name, Path jar, int httpPort, Map<String, String> properties, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.httpPort = httpPort;
        this.properties = properties;
        this.log = logDir.resolve(name + ".log");
    }

    /**
     * Whether the next start maps the application's class-data sharing archive when its build wrote one
     * (default), as an installation does; a benchmark turns it off to measure what it saves.
     */
    public AppProcess useClassArchive(boolean use) {
        this.useClassArchive = use;
        return this;
    }

    /**
     * The Java the next start runs on (its {@code bin/java}) and options of its own, as a benchmark that tries
     * another JDK does; {@code null} for the Java running the tests.
     */
    public AppProcess runOn(Path javaHome, List<String> options) {
        this.java = javaHome == null ? javaBinary() : javaHome.resolve("bin/java").toString();
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** Variables of the next start's environment beside the tests' own, as a benchmark that tries them sets. */
    public AppProcess withEnvironment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** The operating system's id of the running process. */
    public long pid() {
        return process.pid();
    }

    /** A counter or gauge from the process's {@code /q/metrics} page (Prometheus); 0 when it is not there yet. */
    public double metric(String name) {
        return Http.get(url() + "/q/metrics").body().asText().lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElse(0);
    }

    /** The process's resident memory (VmRSS), from /proc; 0 if it cannot be read (not Linux, not running). */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /**
     * CPU time the process has used so far, user and system, in seconds, from /proc (clock ticks of 1/100 s, as
     * on every Linux this runs on); 0 if it cannot be read.
     */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Heap in use, summed over the heap's pools, from the process's metrics. */
    public long heapUsedBytes() {
        return (long) Http.get(url() + "/q/metrics").body().asText().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The heap the next start may use ({@code -Xmx}, default 512m): a store box is small. */
    public AppProcess maxHeap(String size) {
        this.maxHeap = size;
        return this;
    }

    /** Starts the process and waits until it answers on {@code /q/health/live}. */
    public AppProcess start() throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
        command.addAll(jvmOptions);
        if (!Boolean.getBoolean("e2e.fullJit")) {
            // Tests start many short-lived processes: C1 only starts faster. Benchmarks use the full JIT.
            command.add("-XX:TieredStopAtLevel=1");
        }
        Path classArchive = jar.resolveSibling("app-cds.jsa");
        if (useClassArchive && Files.exists(classArchive)) {
            // As an installation starts it (the store agent's build writes one; docs/operator-guide.md).
            command.add("-XX:SharedArchiveFile=" + classArchive);
        }
        command.add("-Dquarkus.http.port=" + httpPort);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        waitUntilLive(Duration.ofSeconds(90));
        return this;
    }

    /** Where the process writes its output; appended to across restarts. */
    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Like a power cut: SIGKILL, no shutdown hooks. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM, as a service manager stops it; returns how long it took to exit (SIGKILL after 20 s). */
    public Duration terminate() throws InterruptedException {
        long started = System.nanoTime();
        close();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void waitUntilLive(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/live"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20); // often: start-up benchmarks time the process until it answers
        }
        throw new IllegalStateException(name + " did not start within " + timeout + "; see " + log);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
