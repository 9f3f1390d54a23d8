package io.chainretail.devices.display;

import io.chainretail.devices.device.Device;
import io.chainretail.devices.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A customer (pole) display on a serial line or a socket: it shows the latest {@link DisplayFrame} and nothing
 * older. Frames shown faster than the line carries them are folded into the newest, so a burst of scans never
 * queues a backlog of screens; after a reconnect the display is set up again and shows the newest frame.
 */
public final class CustomerDisplay extends Device {

    private final DisplayCommands commands;
    private final AtomicReference<DisplayFrame> latest;
    private final AtomicBoolean drawQueued = new AtomicBoolean();
    private final AtomicLong frames = new AtomicLong();
    /** What the display shows now, as far as the owning thread knows; null after (re)connecting. */
    private DisplayFrame onScreen;

    public CustomerDisplay(String name, Transport transport, DisplayCommands commands, DisplayFrame first) {
        super(name, transport, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMillis(100));
        this.commands = commands;
        this.latest = new AtomicReference<>(first);
    }

    /** Shows {@code frame} as soon as the display can take it, in place of anything not yet shown. */
    public void show(DisplayFrame frame) {
        latest.set(frame);
        if (!drawQueued.getAndSet(true)) {
            submit(this::draw);
        }
    }

    /** The newest frame given to {@link #show}. */
    public DisplayFrame latest() {
        return latest.get();
    }

    /** Frames written to the display since it was made. */
    public long framesShown() {
        return frames.get();
    }

    public int columns() {
        return commands.columns();
    }

    @Override
    protected void connected(Transport transport) throws IOException {
        transport.write(commands.initialise());
        onScreen = null;
        draw(transport);
    }

    private void draw(Transport transport) throws IOException {
        drawQueued.set(false);
        DisplayFrame frame = latest.get();
        if (!frame.equals(onScreen)) {
            transport.write(commands.frame(frame));
            onScreen = frame;
            frames.incrementAndGet();
        }
    }

    @Override
    protected void received(byte[] bytes, int count) {
        // A display only listens; whatever comes back is an echo or line noise.
    }
}
