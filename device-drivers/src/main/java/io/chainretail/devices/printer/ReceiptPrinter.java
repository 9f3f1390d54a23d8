package io.chainretail.devices.printer;

import io.chainretail.devices.device.Device;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.escpos.EscPos;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.escpos.PrinterStatus;
import io.chainretail.devices.escpos.StatusReader;
import io.chainretail.devices.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An ESC/POS receipt printer on any transport. After every (re)connect it is initialised, asked for
 * automatic status back ({@code GS a}) and for its real-time status ({@code DLE EOT 1..4}); a printer that
 * sends no automatic status is asked again and again while it is idle. Its state comes from what it says
 * about itself only: while it cannot print, jobs wait in order and the device is in error with the problem in
 * words. A receipt is one write, followed by a status request: the job is printed when the printer answers
 * it, and uncertain (the till offers a reprint) when the printer drops the connection or does not answer. A
 * receipt is never sent twice by the driver. The cash drawer opens with a real-time pulse, which works even
 * out of paper; a pulse that could not be sent in time is dropped and reported, so a drawer never opens
 * long after the sale, unattended.
 */
public final class ReceiptPrinter extends Device {

    /**
     * @param drawerPulseValidFor how long after it was asked for a drawer pulse may still be sent
     * @param confirmWithin       how long a printer has to answer the status request after a receipt
     * @param automaticStatusWithin how long after connecting automatic status must have come, else the printer
     *                            is polled
     * @param pollEvery           how often a printer without automatic status is asked for its status
     */
    public record Timing(Duration drawerPulseValidFor, Duration confirmWithin, Duration automaticStatusWithin,
            Duration pollEvery) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    /** A printer that never answered since it connected is given this long to show it lost the receipt. */
    private static final Duration SILENT_PRINTER_GRACE = Duration.ofMillis(300);

    private final PrinterProfile profile;
    private final Timing timing;
    private final InstantSource clock;
    private final StatusReader replies = new StatusReader();
    private final byte[] paperStatusRequest;
    private final byte[] fullStatusRequest;
    /** The {@code DLE EOT n} requests sent and not yet answered, oldest first (owning thread only). */
    private final Deque<Integer> unanswered = new ArrayDeque<>();
    private final AtomicLong printed = new AtomicLong();
    private final AtomicLong uncertain = new AtomicLong();
    private final AtomicLong drawerPulses = new AtomicLong();
    private final AtomicLong drawerPulsesDropped = new AtomicLong();
    private volatile PrinterStatus status = PrinterStatus.READY;
    private volatile boolean answers;
    private boolean automaticStatusSeen;
    /** Real-time replies received, and requests sent: the reply to request k is the k-th (owning thread). */
    private long realTimeReplies;
    private long realTimeRequests;
    private Instant connectedAt = Instant.MIN;
    private Instant polledAt = Instant.MIN;

    public ReceiptPrinter(String name, Transport transport, PrinterProfile profile) {
        this(name, transport, profile, Timing.DEFAULT, InstantSource.system());
    }

    public ReceiptPrinter(String name, Transport transport, PrinterProfile profile, Timing timing,
            InstantSource clock) {
        // A 5 ms read slice: a receipt waits at most that long for the thread that writes it.
        super(name, transport, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofMillis(5));
        this.profile = profile;
        this.timing = timing;
        this.clock = clock;
        this.paperStatusRequest = EscPos.of(profile).statusRequest(4).bytes();
        this.fullStatusRequest = EscPos.of(profile).statusRequest(1).statusRequest(2).statusRequest(3)
                .statusRequest(4).bytes();
    }

    public PrinterProfile profile() {
        return profile;
    }

    public PrinterStatus status() {
        return status;
    }

    /** Receipts the printer confirmed. */
    public long printed() {
        return printed.get();
    }

    /** Receipts that may not have printed: the printer dropped the connection or did not confirm them. */
    public long uncertain() {
        return uncertain.get();
    }

    public long drawerPulses() {
        return drawerPulses.get();
    }

    /** Drawer pulses dropped because the printer could not be reached in time. */
    public long drawerPulsesDropped() {
        return drawerPulsesDropped.get();
    }

    /** Whether the printer has answered since it connected: if not, receipts cannot be confirmed. */
    public boolean answers() {
        return answers;
    }

    /**
     * Queues a print job. The future completes when the printer confirmed the receipt, and fails with
     * {@link UncertainPrint} when it may not have printed.
     */
    public CompletableFuture<Void> print(String jobId, byte[] bytes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        byte[] job = concat(bytes, paperStatusRequest);
        submitOnce(transport -> {
            long ticket;
            try {
                transport.write(job);
                ticket = ask(4);
                awaitReply(transport, ticket);
            } catch (IOException e) {
                uncertain(jobId, done, "the printer's connection was lost while it was sent (" + e.getMessage() + ")");
                throw e;
            }
            if (realTimeReplies >= ticket || !answers) {
                printed.incrementAndGet();
                emit(new DeviceEvent.OutputComplete(name(), jobId));
                done.complete(null);
            } else {
                uncertain(jobId, done, "the printer did not confirm it within " + timing.confirmWithin().toMillis()
                        + " ms");
            }
        });
        return done;
    }

    /** Reads until the printer answers the status request {@code ticket}, or time is up. */
    private void awaitReply(Transport transport, long ticket) throws IOException {
        long wait = (answers ? timing.confirmWithin() : SILENT_PRINTER_GRACE).toNanos();
        long deadline = System.nanoTime() + wait;
        while (realTimeReplies < ticket) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            readInto(transport, (int) Math.max(1, Math.min(left / 1_000_000, 50)));
        }
    }

    private void uncertain(String jobId, CompletableFuture<Void> done, String why) {
        emit(new DeviceEvent.Error(name(), "Receipt " + jobId + " may not have printed: " + why
                + "; offer the customer a reprint"));
        uncertain.incrementAndGet();
        done.completeExceptionally(new UncertainPrint(jobId, why));
    }

    /**
     * Opens the cash drawer (pin 2, 200 ms), ahead of any receipt: it does not wait for paper. If the printer
     * cannot be reached within {@link Timing#drawerPulseValidFor()}, the pulse is dropped and reported.
     */
    public void openDrawer() {
        Instant askedAt = clock.instant();
        submitUrgent(transport -> {
            Duration late = Duration.between(askedAt, clock.instant());
            if (late.compareTo(timing.drawerPulseValidFor()) > 0) {
                emit(new DeviceEvent.Error(name(), "Drawer pulse dropped: the printer was out of reach for "
                        + late.toSeconds() + " s after the drawer was to open; open it with its key if still needed"));
                drawerPulsesDropped.incrementAndGet(); // after the event: a watcher of the count sees both
                return;
            }
            transport.write(EscPos.of(profile).realTimeDrawerPulse(0, 2).bytes());
            drawerPulses.incrementAndGet();
        });
    }

    @Override
    protected void connected(Transport transport) throws IOException {
        status = PrinterStatus.READY;
        answers = false;
        automaticStatusSeen = false;
        forgetRequests();
        replies.reset();
        connectedAt = clock.instant();
        polledAt = connectedAt;
        transport.write(concat(EscPos.of(profile).init().automaticStatus(0x0F).bytes(), fullStatusRequest));
        for (int n = 1; n <= 4; n++) {
            ask(n);
        }
    }

    @Override
    protected void received(byte[] bytes, int count) {
        for (StatusReader.Message message : replies.accept(bytes, count)) {
            answers = true;
            if (message instanceof StatusReader.Automatic automatic) {
                automaticStatusSeen = true;
                update(automatic.status());
            } else if (message instanceof StatusReader.RealTime reply) {
                Integer n = unanswered.poll();
                if (n != null) { // a reply to nothing asked is noise
                    realTimeReplies++;
                    update(status.withRealTime(n, reply.value()));
                }
            }
        }
    }

    /** A printer that sends no automatic status is asked for its status while idle. */
    @Override
    protected void quiet(Transport transport) throws IOException {
        Instant now = clock.instant();
        if (automaticStatusSeen || now.isBefore(connectedAt.plus(timing.automaticStatusWithin()))
                || now.isBefore(polledAt.plus(timing.pollEvery()))) {
            return;
        }
        polledAt = now;
        if (unanswered.size() > 8) {
            forgetRequests(); // it does not answer DLE EOT either: start counting afresh
        }
        transport.write(fullStatusRequest);
        for (int n = 1; n <= 4; n++) {
            ask(n);
        }
    }

    /** Notes a {@code DLE EOT n} just sent; returns its ticket, the count of replies that answers it. */
    private long ask(int n) {
        unanswered.add(n);
        return ++realTimeRequests;
    }

    private void forgetRequests() {
        unanswered.clear();
        realTimeRequests = realTimeReplies;
    }

    private void update(PrinterStatus next) {
        if (next.equals(status)) {
            return;
        }
        status = next;
        emit(new DeviceEvent.Status(name(), next));
        reportOwnProblem(next.problem());
    }

    @Override
    protected boolean readyForOutput() {
        return status.canPrint();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
