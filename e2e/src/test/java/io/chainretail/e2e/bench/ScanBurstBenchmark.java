package io.chainretail.e2e.bench;

import static io.chainretail.e2e.bench.BenchSupport.PATIENCE;
import static io.chainretail.e2e.bench.BenchSupport.barcode;
import static io.chainretail.e2e.bench.BenchSupport.caughtUp;
import static io.chainretail.e2e.bench.BenchSupport.importProducts;
import static io.chainretail.e2e.bench.BenchSupport.printQuantiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.e2e.AppProcess;
import io.chainretail.e2e.Eventually;
import io.chainretail.e2e.RetailSystem;
import io.chainretail.e2e.Till;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A lane scanner sending fifty scans in one write (a cashier holding the trigger over a pallet's labels, or a
 * scanner flushing its buffer after a cable glitch): every scan must become a line at the till, in order. The
 * scanner is a TCP socket the agent reads as it would a serial-to-network adapter; the till is this JVM,
 * listening to the lane's scan stream and adding each scan as a line, as the cashier's page does. Beside it,
 * the floor: the same fifty lines added by the till with no scanner in the path.
 *
 * <p>Run with {@code ./mvnw -B verify -pl e2e -Pbenchmark -Dit.test=ScanBurstBenchmark}.
 */
class ScanBurstBenchmark {

    private static final int BURST = 50;
    private static final int ROUNDS = Integer.getInteger("bench.bursts", 20);
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up-bursts", 10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fiftyScansInOneWrite() throws Exception {
        try (ServerSocket scannerPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RetailSystem system = new RetailSystem("bench-scan-burst")) {
            AppProcess hq = system.startHq();
            importProducts(hq, 1_000, 0);
            AppProcess agent = system.startAgent("0001", Map.of("agent.lanes.\"01\".scanner",
                    "tcp://127.0.0.1:" + scannerPort.getLocalPort()));
            Eventually.await("store caught up with HQ", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":50000}");
            BlockingQueue<Scan> scans = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(agent.url() + "/api/till/events")).header(Till.TOKEN, till.token())
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("data:"))
                    .forEach(line -> scans.add(new Scan(System.nanoTime(), code(line.substring(5))))), "scan-stream");
            reader.setDaemon(true);
            reader.start();

            try (Socket scanner = scannerPort.accept()) {
                OutputStream out = scanner.getOutputStream();
                List<Double> fromWrite = new ArrayList<>();
                List<Double> fromEvent = new ArrayList<>();
                List<Double> ownTurn = new ArrayList<>();
                List<Double> lastLine = new ArrayList<>();
                List<Double> floor = new ArrayList<>();
                for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                    List<String> codes = new ArrayList<>();
                    StringBuilder burst = new StringBuilder();
                    for (int i = 0; i < BURST; i++) {
                        String code = barcode(1 + (round * BURST + i + BURST * WARM_UP_ROUNDS) % 1_000);
                        codes.add(code);
                        burst.append(code).append("\r\n");
                    }
                    String sale = till.openSale();
                    JsonNode sold = null;
                    long written = System.nanoTime();
                    long previousLine = written;
                    out.write(burst.toString().getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < BURST; i++) {
                        Scan scan = scans.poll(30, TimeUnit.SECONDS);
                        if (scan == null) {
                            throw new AssertionError("scan " + (i + 1) + " of the burst never reached the till");
                        }
                        if (!codes.get(i).equals(scan.code())) {
                            throw new AssertionError("scan " + (i + 1) + " is " + scan.code() + ", not "
                                    + codes.get(i));
                        }
                        sold = till.scan(sale, scan.code(), 1);
                        long lined = System.nanoTime();
                        long tookUp = previousLine;
                        previousLine = lined;
                        if (round >= 0) {
                            fromWrite.add((lined - written) / 1e6);
                            fromEvent.add((lined - scan.seenNanos()) / 1e6);
                            ownTurn.add((lined - Math.max(scan.seenNanos(), tookUp)) / 1e6);
                            if (i == BURST - 1) {
                                lastLine.add((lined - written) / 1e6);
                            }
                        }
                    }
                    if (sold.path("lines").size() != BURST) {
                        throw new AssertionError("the sale has " + sold.path("lines").size() + " lines, not " + BURST);
                    }
                    payExactly(till, sale, sold);

                    String direct = till.openSale();
                    for (String code : codes) {
                        long asked = System.nanoTime();
                        sold = till.scan(direct, code, 1);
                        if (round >= 0) {
                            floor.add((System.nanoTime() - asked) / 1e6);
                        }
                    }
                    payExactly(till, direct, sold);
                }
                System.out.println();
                System.out.printf("=== %d bursts of %d scans in one write, each scan added as a line by the till ===%n",
                        ROUNDS, BURST);
                printQuantiles("a scan's own turn: the till takes it up -> its line", ownTurn, "ms");
                printQuantiles("a scan's event at the till -> its line added", fromEvent, "ms");
                printQuantiles("the burst's write -> each scan's line added", fromWrite, "ms");
                printQuantiles("the burst's write -> the 50th line added", lastLine, "ms");
                printQuantiles("floor: the till adding the same line, no scanner", floor, "ms");
                System.out.println("target: every scan a line, in order; p99 of a scan's event to its line < 30 ms");
            } finally {
                stream.body().close();
            }
        }
    }

    private record Scan(long seenNanos, String code) {
    }

    private static void payExactly(Till till, String sale, JsonNode sold) {
        till.post("/api/till/sales/" + sale + "/complete", "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":"
                + sold.path("totalMinor").asLong() + "}]}");
    }

    private static String code(String json) {
        try {
            return JSON.readTree(json).path("code").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
