package io.chainretail.devices.printer;

import io.chainretail.devices.device.Device;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.escpos.EscPos;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.escpos.PrinterStatus;
import io.chainretail.devices.escpos.StatusReader;
import io.chainretail.devices.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An ESC/POS receipt printer on any transport. After every (re)connect it is initialised and asked
 * for automatic status back, so paper-out, cover-open and offline arrive by themselves; while the
 * printer cannot print, jobs wait in order and the device is in error with the problem in words. A
 * receipt is one write. The cash drawer opens with a real-time pulse, which works even out of paper.
 */
public final class ReceiptPrinter extends Device {

    private final PrinterProfile profile;
    private final StatusReader replies = new StatusReader();
    private volatile PrinterStatus status = PrinterStatus.READY;

    public ReceiptPrinter(String name, Transport transport, PrinterProfile profile) {
        // A 5 ms read slice: a receipt waits at most that long for the thread that writes it.
        super(name, transport, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofMillis(5));
        this.profile = profile;
    }

    public PrinterProfile profile() {
        return profile;
    }

    public PrinterStatus status() {
        return status;
    }

    /** Queues a print job; the future completes when its last byte was written to the printer. */
    public CompletableFuture<Void> print(String jobId, byte[] bytes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(transport -> {
            transport.write(bytes);
            emit(new DeviceEvent.OutputComplete(name(), jobId));
            done.complete(null);
        });
        return done;
    }

    /** Opens the cash drawer (pin 2, 200 ms), ahead of nothing: it does not wait for paper. */
    public void openDrawer() {
        submitUrgent(transport -> transport.write(EscPos.of(profile).realTimeDrawerPulse(0, 2).bytes()));
    }

    @Override
    protected void connected(Transport transport) throws IOException {
        status = PrinterStatus.READY;
        transport.write(EscPos.of(profile).init().automaticStatus(0x0F).bytes());
    }

    @Override
    protected void received(byte[] bytes, int count) {
        for (StatusReader.Message message : replies.accept(bytes, count)) {
            if (message instanceof StatusReader.Automatic automatic && !automatic.status().equals(status)) {
                status = automatic.status();
                emit(new DeviceEvent.Status(name(), status));
                if (status.canPrint()) {
                    setState(DeviceState.IDLE, "");
                } else {
                    setState(DeviceState.ERROR, status.problem());
                }
            }
        }
    }

    @Override
    protected boolean readyForOutput() {
        return status.canPrint();
    }
}
