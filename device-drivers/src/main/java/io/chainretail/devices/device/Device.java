package io.chainretail.devices.device;

import io.chainretail.devices.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A device in the UnifiedPOS manner: {@link #open()} starts its one owning thread, which connects the
 * transport (claim), keeps it connected with backoff, runs queued output in order and reads the device's
 * input between outputs; every event reaches listeners from that thread. No other thread touches the
 * transport, so a device never sees two writers.
 */
public abstract class Device implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Device.class.getName());

    private final String name;
    private final Transport transport;
    private final Backoff backoff;
    private final int readSliceMillis;
    private final OwnerThread owner;
    private final List<Consumer<DeviceEvent>> listeners = new CopyOnWriteArrayList<>();
    private final BlockingDeque<Output> work = new LinkedBlockingDeque<>();
    private final BlockingDeque<Output> urgent = new LinkedBlockingDeque<>();
    private final byte[] buffer = new byte[4096];
    private volatile DeviceState state = DeviceState.CLOSED;
    private volatile String problem = "";
    /** What the device itself last said is wrong (a printer out of paper); output never clears it. */
    private volatile String ownProblem = "";
    private volatile int connectAttempts;
    private final AtomicLong outputsHeld = new AtomicLong();
    private long nextConnectAt;

    /**
     * @param readSlice how long the owning thread waits for input before it looks at queued output
     *                  again: output waits at most this long, so a printer keeps it short
     */
    protected Device(String name, Transport transport, Duration firstRetry, Duration maxRetry, Duration readSlice) {
        this.name = name;
        this.transport = transport;
        this.backoff = new Backoff(firstRetry, maxRetry);
        this.readSliceMillis = (int) readSlice.toMillis();
        this.owner = new OwnerThread("device-" + name);
    }

    public String name() {
        return name;
    }

    public DeviceState state() {
        return state;
    }

    /** Why the device is in error, in words for a person; empty when it is not. */
    public String problem() {
        return problem;
    }

    public void addListener(Consumer<DeviceEvent> listener) {
        listeners.add(listener);
    }

    /** Starts the owning thread; the device connects and enables itself, and reconnects when lost. */
    public void open() {
        owner.start(this::run);
    }

    @Override
    public void close() {
        owner.stop();
        transport.close();
        setState(DeviceState.CLOSED, "");
    }

    /** Output to the device, run on the owning thread; one that fails on a lost connection runs again. */
    protected interface Output {
        void run(Transport transport) throws IOException;
    }

    /**
     * Output that must not run twice (a receipt the printer may have half printed): when the connection is lost
     * while it runs, it is dropped, and the output itself says what became of it.
     */
    private record Once(Output output) implements Output {
        @Override
        public void run(Transport transport) throws IOException {
            output.run(transport);
        }
    }

    /** Queues output after what was queued before it. */
    protected void submit(Output output) {
        work.add(output);
    }

    /** Queues output after what was queued before it, never to be run again (see {@link Once}). */
    protected void submitOnce(Output output) {
        work.add(new Once(output));
    }

    /** Queues output ahead of the rest, run even while {@link #readyForOutput()} says no. */
    protected void submitUrgent(Output output) {
        urgent.add(output);
    }

    /** How often the device tried to connect since it was opened: a lost device must not spin. */
    public int connectAttempts() {
        return connectAttempts;
    }

    /**
     * How often the owning thread found output waiting and held it back because the device could not take it
     * (a printer out of paper): a sign, unlike time passing, that the output was considered and kept waiting.
     */
    public long outputsHeld() {
        return outputsHeld.get();
    }

    /** Outputs waiting, the one running included. */
    public int pending() {
        return work.size();
    }

    /** Called on the owning thread right after (re)connecting: e.g. initialise the printer. */
    protected abstract void connected(Transport transport) throws IOException;

    /** Called on the owning thread with bytes the device sent. */
    protected abstract void received(byte[] bytes, int count);

    /** Called on the owning thread when a read slice brought nothing: e.g. time to ask for status. */
    protected void quiet(Transport transport) throws IOException {
        // Most devices talk by themselves.
    }

    /** Reads what the device sent within {@code millis} and hands it to {@link #received}; for an output. */
    protected int readInto(Transport transport, int millis) throws IOException {
        int read = transport.read(buffer, millis);
        if (read > 0) {
            received(buffer, read);
        }
        return read;
    }

    /** Whether queued output may run now (a printer out of paper says no, and the job waits). */
    protected boolean readyForOutput() {
        return true;
    }

    protected Transport transport() {
        return transport;
    }

    protected void emit(DeviceEvent event) {
        for (Consumer<DeviceEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "listener of " + name + " failed", e);
            }
        }
    }

    /**
     * The device's own account of itself (empty: nothing wrong): while it reports a problem the device stays in
     * error, whatever output runs meanwhile; a lost connection says more and takes over until it is back.
     */
    protected void reportOwnProblem(String why) {
        ownProblem = why;
        if (transport.isOpen()) {
            setState(why.isEmpty() ? DeviceState.IDLE : DeviceState.ERROR, why);
        }
    }

    private void setState(DeviceState next, String why) {
        DeviceState previous = state;
        state = next;
        problem = why;
        if (previous != next) {
            emit(new DeviceEvent.StateChanged(name, previous, next));
        }
    }

    private void run() {
        setState(DeviceState.ERROR, "connecting");
        while (owner.running()) {
            try {
                if (!transport.isOpen()) {
                    connect();
                    continue;
                }
                BlockingDeque<Output> queue = !urgent.isEmpty() ? urgent : readyForOutput() ? work : null;
                if (queue == null && !work.isEmpty()) {
                    outputsHeld.incrementAndGet();
                }
                Output output = queue == null ? null : queue.poll();
                if (output != null) {
                    if (ownProblem.isEmpty()) {
                        setState(DeviceState.BUSY, "");
                    }
                    try {
                        output.run(transport);
                    } catch (IOException e) {
                        if (!(output instanceof Once)) {
                            queue.addFirst(output); // again, whole, once reconnected
                        }
                        throw e;
                    }
                    if (state == DeviceState.BUSY) {
                        setState(DeviceState.IDLE, "");
                    }
                    continue;
                }
                int read = transport.read(buffer, readSliceMillis);
                if (read > 0) {
                    received(buffer, read);
                } else {
                    quiet(transport);
                }
            } catch (IOException e) {
                lost(e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed", e);
                emit(new DeviceEvent.Error(name, e.getMessage()));
            }
        }
    }

    private void connect() {
        long wait = nextConnectAt - System.currentTimeMillis();
        if (wait > 0) {
            pause(Math.min(wait, 200));
            return;
        }
        connectAttempts++;
        try {
            transport.open();
            ownProblem = "";
            connected(transport);
            backoff.reset();
            setState(ownProblem.isEmpty() ? DeviceState.IDLE : DeviceState.ERROR, ownProblem);
        } catch (IOException e) {
            transport.close();
            nextConnectAt = System.currentTimeMillis() + backoff.nextDelayMillis();
            if (!e.getMessage().equals(problem)) {
                emit(new DeviceEvent.Error(name, e.getMessage()));
            }
            setState(DeviceState.ERROR, e.getMessage());
        }
    }

    private void lost(IOException e) {
        transport.close();
        nextConnectAt = System.currentTimeMillis() + backoff.nextDelayMillis();
        emit(new DeviceEvent.Error(name, name + " lost: " + e.getMessage()));
        setState(DeviceState.ERROR, e.getMessage());
    }

    private void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() interrupts: the loop ends
        }
    }
}
