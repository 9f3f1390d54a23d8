package io.chainretail.agent.devices;

import io.chainretail.agent.checkout.CompletedSale;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.receipt.ReceiptDocuments;
import io.chainretail.agent.shift.Shift;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.DrawerOpened;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.tender.TenderType;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.printer.ReceiptPrinter;
import io.chainretail.devices.receipt.Receipt;
import io.chainretail.devices.receipt.ReceiptLayout;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Prints what the journal records: a sale's or return's receipt, and the drawer for cash and no-sales.
 * The job is queued inside the business transaction (it follows {@link Journal.Appended}), so only a
 * committed sale prints and a committed sale always does; it is marked SENDING before its bytes go to
 * the printer and PRINTED when the printer confirmed it, else UNCERTAIN (the till offers a reprint), so
 * nothing is ever printed twice unasked. A printer out of paper or unplugged holds its jobs; the sale was
 * complete long before.
 */
@ApplicationScoped
public class PrintSpooler {

    private static final Logger LOG = Logger.getLogger(PrintSpooler.class);

    private final StoreDevices devices;
    private final Catalog catalog;
    private final SyncCodec codec = new SyncCodec();
    private PeriodicTask task;

    public PrintSpooler(StoreDevices devices, Catalog catalog) {
        this.devices = devices;
        this.catalog = catalog;
    }

    void onStart(@Observes @Priority(30) StartupEvent event) {
        int uncertain = QuarkusTransaction.requiringNew().call(() -> PrintJob.update("state = ?1 where state = ?2",
                PrintJob.State.UNCERTAIN, PrintJob.State.SENDING));
        if (uncertain > 0) {
            LOG.warnf("%d receipts were being printed when the agent stopped; they may not have printed: "
                    + "the till offers to reprint them", uncertain);
        }
        task = PeriodicTask.start("print-spooler", Duration.ofSeconds(1), this::printQueued);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    /** Inside the business transaction: the receipt of what was just journaled, for its lane's printer. */
    void onJournaled(@Observes Journal.Appended appended) {
        if (appended.payload() instanceof SaleCompleted sale) {
            queue(sale.lane(), "SALE", sale.saleId(), false, sale.tenders().stream()
                    .anyMatch(t -> TenderType.CASH.named(t.type())));
        } else if (appended.payload() instanceof ReturnCompleted refund) {
            queue(refund.lane(), refund.kind(), refund.returnId(), false, refund.tenders().stream()
                    .anyMatch(t -> TenderType.CASH.named(t.type())));
        } else if (appended.payload() instanceof DrawerOpened drawer) {
            queue(drawer.lane(), "DRAWER", null, false, true);
        } else if (appended.payload() instanceof ShiftClosed z) {
            queue(z.lane(), "Z", z.shiftId(), false, false);
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Journal.Appended appended) {
        if (task != null) {
            task.wake();
        }
    }

    /** A copy of a sale's or return's receipt, marked COPY. */
    @Transactional
    public void reprint(String lane, String documentId) {
        CompletedSale document = CompletedSale.findById(documentId);
        if (document == null) {
            throw Refusal.of(ErrorCode.NO_SUCH_RECEIPT, "There is no receipt " + documentId
                    + " in this store.");
        }
        queue(lane, document.kind, documentId, true, false);
        if (devices.printer(lane).isEmpty()) {
            throw Refusal.of(ErrorCode.NO_PRINTER, "Lane " + lane + " has no printer.");
        }
        task.wake();
    }

    /** Receipts of the lane not yet printed: held while its printer cannot print, or on their way to it. */
    public long waiting(String lane) {
        return QuarkusTransaction.joiningExisting().call(() -> PrintJob.count("lane = ?1 and state in ?2", lane,
                List.of(PrintJob.State.QUEUED, PrintJob.State.SENDING)));
    }

    /**
     * Jobs of the lane that may not have printed: the agent stopped while they were being sent, or the printer
     * dropped the connection or did not confirm them.
     */
    @Transactional
    public List<PrintJob> uncertain(String lane) {
        return PrintJob.list("lane = ?1 and state = ?2 order by id", lane, PrintJob.State.UNCERTAIN);
    }

    private void queue(String lane, String kind, String documentId, boolean copy, boolean openDrawer) {
        if (devices.printer(lane).isEmpty()) {
            return; // no printer on this lane: the till shows the receipt
        }
        PrintJob job = new PrintJob();
        job.lane = lane;
        job.documentKind = kind;
        job.documentId = documentId;
        job.copy = copy;
        job.openDrawer = openDrawer;
        job.state = PrintJob.State.QUEUED;
        job.createdAt = Instant.now();
        job.persist();
    }

    /** Hands every queued job whose printer can print now to its printer, in order. */
    void printQueued() {
        List<PrintJob> queued = QuarkusTransaction.requiringNew().call(() -> PrintJob.<PrintJob>list(
                "state = ?1 order by id", PrintJob.State.QUEUED));
        for (PrintJob job : queued) {
            Optional<ReceiptPrinter> printer = devices.printer(job.lane);
            if (printer.isEmpty()) {
                continue;
            }
            if (!printer.get().status().canPrint() || printer.get().state() == DeviceState.ERROR) {
                // Held here, not in the printer, so a restart still knows it never printed. The cash
                // drawer does not wait for paper.
                if (job.openDrawer) {
                    printer.get().openDrawer();
                    long id = job.id;
                    QuarkusTransaction.requiringNew().run(() -> PrintJob.update("openDrawer = false where id = ?1",
                            id));
                }
                continue;
            }
            byte[] bytes;
            try {
                bytes = render(job, printer.get());
            } catch (MalformedMessageException | RuntimeException e) {
                LOG.errorf(e, "Print job %d (%s %s) cannot be rendered", job.id, job.documentKind, job.documentId);
                mark(job.id, PrintJob.State.UNCERTAIN);
                continue;
            }
            mark(job.id, PrintJob.State.SENDING);
            if (job.openDrawer) {
                printer.get().openDrawer();
            }
            if (bytes == null) {
                mark(job.id, PrintJob.State.PRINTED);
                continue;
            }
            long id = job.id;
            printer.get().print("job-" + id, bytes).whenComplete((done, error) -> mark(id, error == null
                    ? PrintJob.State.PRINTED : PrintJob.State.UNCERTAIN));
        }
    }

    private byte[] render(PrintJob job, ReceiptPrinter printer) throws MalformedMessageException {
        if ("DRAWER".equals(job.documentKind)) {
            return null;
        }
        Catalog.StoreInfo store = catalog.store();
        if ("Z".equals(job.documentKind)) {
            Shift shift = QuarkusTransaction.requiringNew().call(() -> Shift.findById(job.documentId));
            return new ReceiptLayout(printer.profile()).print(ReceiptDocuments.zReport(store.code(), store.zone(),
                    codec.readPayload(shift.report, ShiftClosed.class))).bytes();
        }
        CompletedSale document = QuarkusTransaction.requiringNew().call(() -> CompletedSale.findById(
                job.documentId));
        Receipt receipt = "SALE".equals(document.kind)
                ? ReceiptDocuments.sale(store.code(), store.zone(), codec.readPayload(document.payload,
                        SaleCompleted.class))
                : ReceiptDocuments.refund(store.code(), store.zone(), codec.readPayload(document.payload,
                        ReturnCompleted.class));
        return new ReceiptLayout(printer.profile()).print(job.copy ? receipt.asCopy() : receipt).bytes();
    }

    private static void mark(long id, PrintJob.State state) {
        QuarkusTransaction.requiringNew().run(() -> PrintJob.update("state = ?1, printedAt = ?2 where id = ?3",
                state, state == PrintJob.State.PRINTED ? Instant.now() : null, id));
    }
}
