package io.chainretail.devices.scale;

import io.chainretail.devices.device.Device;
import io.chainretail.devices.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A weighing scale on a serial line, in its continuous or its request mode ({@link ScaleProtocol}). A till asks
 * it to {@link #weigh}: the answer is the first reading after the question, never an older one, so the weight
 * sold is the weight on the platter now. A scale that says nothing for {@code silentAfter} is in error (its
 * cable, baud rate or output mode is wrong) until it speaks again; one in request mode is asked every
 * {@code askEvery} meanwhile, so its state is known before a cashier needs it.
 */
public final class WeighingScale extends Device {

    private final ScaleProtocol protocol;
    private final InstantSource clock;
    private final Duration askEvery;
    private final Duration silentAfter;
    private final List<CompletableFuture<ScaleReading>> waiting = new CopyOnWriteArrayList<>();
    private final AtomicLong readings = new AtomicLong();
    private volatile ScaleReading latest;
    private Instant heardAt;
    private Instant askedAt;

    public WeighingScale(String name, Transport transport, ScaleProtocol protocol, InstantSource clock,
            Duration askEvery, Duration silentAfter) {
        super(name, transport, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMillis(50));
        this.protocol = protocol;
        this.clock = clock;
        this.askEvery = askEvery;
        this.silentAfter = silentAfter;
    }

    public WeighingScale(String name, Transport transport, ScaleProtocol protocol) {
        this(name, transport, protocol, InstantSource.system(), Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    /**
     * The first reading the scale gives after this call, waiting at most {@code within}; empty if it gave none.
     * Whether the weight may be sold by is the reading's {@link ScaleReading#condition()}.
     */
    public Optional<ScaleReading> weigh(Duration within) throws InterruptedException {
        CompletableFuture<ScaleReading> next = new CompletableFuture<>();
        waiting.add(next);
        if (protocol.request().length > 0) {
            submitUrgent(this::ask);
        }
        try {
            return Optional.of(next.get(within.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a reading never fails", e);
        } finally {
            waiting.remove(next);
        }
    }

    /** The last reading, if the scale has given one. */
    public Optional<ScaleReading> latest() {
        return Optional.ofNullable(latest);
    }

    /** Readings since the scale was made. */
    public long readings() {
        return readings.get();
    }

    /** Bytes skipped as noise since the scale was made. */
    public int noise() {
        return protocol.noise();
    }

    @Override
    protected void connected(Transport transport) throws IOException {
        heardAt = clock.instant(); // a grace period before a silent scale is an error
        askedAt = null;
        if (protocol.request().length > 0) {
            ask(transport);
        }
    }

    @Override
    protected void received(byte[] bytes, int count) {
        List<ScaleReading> read = protocol.accept(bytes, count);
        if (read.isEmpty()) {
            checkHeard();
            return;
        }
        heardAt = clock.instant();
        reportOwnProblem("");
        for (ScaleReading reading : read) {
            latest = reading;
            readings.incrementAndGet();
            for (CompletableFuture<ScaleReading> waiter : waiting) {
                waiter.complete(reading);
            }
        }
    }

    @Override
    protected void quiet(Transport transport) throws IOException {
        if (protocol.request().length > 0 && (askedAt == null
                || !clock.instant().isBefore(askedAt.plus(askEvery)))) {
            ask(transport);
        }
        checkHeard();
    }

    private void ask(Transport transport) throws IOException {
        askedAt = clock.instant();
        transport.write(protocol.request());
    }

    private void checkHeard() {
        if (heardAt != null && clock.instant().isAfter(heardAt.plus(silentAfter))) {
            reportOwnProblem("the scale sends no weight: check its cable, baud rate and output mode");
        }
    }
}
