package io.chainretail.e2e.bench;

import static io.chainretail.e2e.bench.BenchSupport.importProducts;

import io.chainretail.e2e.AppProcess;
import io.chainretail.e2e.Eventually;
import io.chainretail.e2e.Http;
import io.chainretail.e2e.RetailSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How soon each application is ready again after a restart on an otherwise idle machine: HQ (after a
 * clean stop), a store agent with a synced catalog (after {@code kill -9}, as after a power cut), beside
 * the smallest Quarkus application here, a till (pos-client), as the floor of a Quarkus JVM on this machine.
 * The agent starts as installed, with the class-data sharing archive its build wrote, once more without it,
 * and once with the quick compiler only. "Ready" is {@code /q/health/ready} answering 200, timed from the
 * process's launch. Targets: HQ on PostgreSQL within 10 s, a store agent within 5 s (within 2 s and under
 * 256 MB resident with {@code -Dbench.catalog=100000 -Dbench.heap=256m}). Run with
 * {@code ./mvnw -B verify -pl e2e -Pbenchmark -Dit.test=StartupBenchmark [-Pintegration]}.
 */
class StartupBenchmark {

    private static final int CATALOG = Integer.getInteger("bench.catalog", 5_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    /** The store agent's {@code -Xmx} (a store box is small). */
    private static final String AGENT_HEAP = System.getProperty("bench.heap", "512m");
    /**
     * A newer JDK (25 or later: JEP 514's one-step {@code -XX:AOTCacheOutput}) to measure what its ahead-of-time
     * cache buys the store agent; Java 17 stays the floor users may run. Skipped when absent.
     */
    private static final Path NEWER_JDK = Path.of(System.getProperty("bench.newer-jdk",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));

    /** The JIT a small store box may run the agent with: quick compiles only, no optimising compiler. */
    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    @Test
    void restartToReady() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-startup")) {
            AppProcess hq = system.startHq();
            importProducts(hq, CATALOG, 0);
            AppProcess agent = system.startAgent("0001", Map.of(RetailSystem.HEAP, AGENT_HEAP));
            Eventually.await("the store caught up", BenchSupport.PATIENCE,
                    () -> BenchSupport.caughtUp(hq, agent, "0001"));
            AppProcess pos = system.startPos(agent, "01");
            List<Long> hqMillis = new ArrayList<>();
            List<Long> agentMillis = new ArrayList<>();
            List<Long> agentWithoutArchiveMillis = new ArrayList<>();
            List<Long> agentQuickJitMillis = new ArrayList<>();
            List<Long> agentQuickJitResidentMb = new ArrayList<>();
            List<Long> posMillis = new ArrayList<>();
            List<Long> posQuickJitMillis = new ArrayList<>();
            List<Long> agentResidentMb = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                hq.terminate();
                hqMillis.add(restart(hq));
                Http.signIn(hq.url(), "admin", RetailSystem.ADMIN_PASSWORD);
                agent.kill();
                agentMillis.add(restart(agent));
                agentResidentMb.add(agent.residentBytes() >> 20);
                agent.kill();
                agentWithoutArchiveMillis.add(restart(agent.useClassArchive(false)));
                agent.useClassArchive(true);
                agent.kill();
                agentQuickJitMillis.add(restart(agent.runOn(null, List.of(QUICK_JIT))));
                agentQuickJitResidentMb.add(agent.residentBytes() >> 20);
                agent.runOn(null, List.of());
                pos.terminate();
                posMillis.add(restart(pos));
                pos.terminate();
                posQuickJitMillis.add(restart(pos.runOn(null, List.of(QUICK_JIT))));
                pos.runOn(null, List.of());
            }
            System.out.printf("StartupBenchmark (%s, %d products at the store, agent -Xmx%s, %d restarts each):%n",
                    system.onPostgres() ? "HQ on PostgreSQL" : "HQ on H2", CATALOG, AGENT_HEAP, RUNS);
            print("HQ, after a clean stop", hqMillis, "target < 10,000 ms on PostgreSQL");
            print("store agent, after kill -9", agentMillis, "target < 5,000 ms");
            System.out.printf("  %-50s median %,6d MB  (target < 256 MB) %s%n", "store agent resident when ready",
                    agentResidentMb.stream().sorted().toList().get(RUNS / 2), agentResidentMb);
            print("  the same without its AppCDS archive", agentWithoutArchiveMillis, "what the archive saves");
            print("  the same with its archive, C1 only (" + QUICK_JIT + ")", agentQuickJitMillis,
                    "resident MB " + agentQuickJitResidentMb);
            print("baseline: till (pos-client), after a clean stop", posMillis, "the floor of a Quarkus app here");
            print("  the same, C1 only (" + QUICK_JIT + ")", posQuickJitMillis, "the floor for the agent on C1");
            if (Files.isExecutable(NEWER_JDK.resolve("bin/java"))) {
                newerJdk(system, agent);
            }
        }
    }

    /**
     * The store agent on the newer JDK, without and then with an ahead-of-time cache that a training run (one
     * start to ready and a clean stop) wrote: the agent's classes are all on the JVM's class path ({@code aot-jar}),
     * so the cache holds them too. With the cache, also as a small store box may run it: the quick compiler only,
     * and fewer malloc arenas.
     */
    private static void newerJdk(RetailSystem system, AppProcess agent) throws Exception {
        Path cache = system.workDir().resolve("agent.aot");
        List<Long> plainMillis = new ArrayList<>();
        List<Long> plainResidentMb = new ArrayList<>();
        agent.useClassArchive(false);
        for (int run = 0; run < RUNS; run++) {
            agent.kill();
            plainMillis.add(restart(agent.runOn(NEWER_JDK, List.of())));
            plainResidentMb.add(agent.residentBytes() >> 20);
        }
        System.out.printf("  store agent on %s:%n", NEWER_JDK.getFileName());
        print("  without an AOT cache", plainMillis, "resident MB " + plainResidentMb);
        // A store box's choices beside the cache: C1 only, and fewer malloc arenas (glibc gives each thread that
        // allocates one of its own, up to 8 a core). Each is trained with the options it runs with.
        Map<String, String> fewArenas = Map.of("MALLOC_ARENA_MAX", "2");
        for (Map.Entry<List<String>, Map<String, String>> variant : List.of(Map.entry(List.<String>of(),
                Map.<String, String>of()), Map.entry(List.of(QUICK_JIT), Map.<String, String>of()),
                Map.entry(List.<String>of(), fewArenas), Map.entry(List.of(QUICK_JIT), fewArenas))) {
            List<String> options = variant.getKey();
            agent.withEnvironment(variant.getValue());
            List<String> training = new ArrayList<>(options);
            training.add("-XX:AOTCacheOutput=" + cache);
            agent.kill();
            Files.deleteIfExists(cache);
            restart(agent.runOn(NEWER_JDK, training));
            agent.terminate(); // the cache is written as the JVM exits
            List<String> flags = new ArrayList<>(options);
            flags.add("-XX:AOTCache=" + cache);
            List<Long> cachedMillis = new ArrayList<>();
            List<Long> cachedResidentMb = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                agent.kill();
                cachedMillis.add(restart(agent.runOn(NEWER_JDK, flags)));
                cachedResidentMb.add(agent.residentBytes() >> 20);
            }
            List<String> shown = new ArrayList<>(options);
            variant.getValue().forEach((name, value) -> shown.add(name + "=" + value));
            print("  with its AOT cache" + (shown.isEmpty() ? "" : ", " + String.join(" ", shown)) + " ("
                    + (Files.size(cache) >> 20) + " MB)", cachedMillis, "resident MB " + cachedResidentMb);
        }
        agent.withEnvironment(Map.of());
        agent.runOn(null, List.of()).useClassArchive(true);
    }

    /** Starts the process again; ms from its launch until it is ready (asked every 10 ms). */
    private static long restart(AppProcess process) throws Exception {
        long launched = System.nanoTime();
        process.start();
        long deadline = launched + BenchSupport.PATIENCE.toNanos();
        while (!ready(process)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(process.name() + " not ready within " + BenchSupport.PATIENCE);
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - launched).toMillis();
    }

    private static boolean ready(AppProcess process) {
        try {
            return Http.get(process.url() + "/q/health/ready").status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void print(String what, List<Long> millis, String target) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  %-50s median %,6d ms, max %,6d ms  (%s) %s%n", what, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), target, millis);
    }
}
