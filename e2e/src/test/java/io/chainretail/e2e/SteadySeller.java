package io.chainretail.e2e;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A lane that sells one item at a time, a customer every tenth of a second or so, until closed, keeping the
 * ids of the sales its till completed, so that selling lasts through whatever a test does meanwhile.
 */
final class SteadySeller implements AutoCloseable {

    private static final int MAX_SALES = 900;

    private final List<String> sold = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CompletableFuture<Void> selling;

    /** Opens a shift on {@code till} and starts selling {@code barcode} for cash at {@code priceMinor}. */
    SteadySeller(Till till, String barcode, long priceMinor) {
        till.post("/api/till/shift/open", "{\"floatMinor\":10000}");
        selling = CompletableFuture.runAsync(() -> {
            while (!stop.get() && sold.size() < MAX_SALES) {
                String sale = till.openSale();
                till.scan(sale, barcode, 1);
                till.post("/api/till/sales/" + sale + "/complete", "{\"tenders\":[{\"type\":\"CASH\","
                        + "\"amountMinor\":" + priceMinor + "}]}");
                sold.add(sale);
                pause();
            }
        });
    }

    /** The sales completed so far. */
    List<String> sold() {
        return sold;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.set(true);
        selling.join();
    }
}
