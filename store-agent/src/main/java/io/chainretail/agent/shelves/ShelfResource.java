package io.chainretail.agent.shelves;

import io.chainretail.agent.manager.ManagerOnly;
import io.chainretail.agent.stock.StockLedger;
import io.chainretail.core.web.Refuses;
import io.chainretail.devices.shelf.WeighingShelf;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The store's smart shelves for the store manager: what each slot holds against the books, and alerts. */
@Path("/api/shelves")
@ManagerOnly
public class ShelfResource {

    /** One slot: the shelf's count and the stock ledger's units on hand. */
    public record SlotView(int slot, String sku, int units, boolean low, long bookUnits) {
    }

    public record ShelfView(String shelf, String address, boolean connected, String problem, List<SlotView> slots) {
    }

    private final StoreShelves shelves;
    private final ShelfAlerts alerts;
    private final StockLedger stock;

    public ShelfResource(StoreShelves shelves, ShelfAlerts alerts, StockLedger stock) {
        this.shelves = shelves;
        this.alerts = alerts;
        this.stock = stock;
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    public List<ShelfView> all() {
        return shelves.shelves().values().stream().map(this::view).toList();
    }

    /** Alerts, newest first: only those still open unless {@code open=false}. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    @Path("/alerts")
    public List<ShelfAlertRecord> alerts(@QueryParam("open") @DefaultValue("true") boolean open) {
        return alerts.list(open);
    }

    private ShelfView view(WeighingShelf shelf) {
        return new ShelfView(shelf.name(), shelf.address(), shelf.connected(), shelf.problem(),
                shelf.readings().stream().map(r -> new SlotView(r.slot(), r.sku(), r.units(), r.low(),
                        stock.onHand(r.sku()).quantity())).toList());
    }
}
