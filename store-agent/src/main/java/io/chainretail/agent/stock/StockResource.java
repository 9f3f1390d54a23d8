package io.chainretail.agent.stock;

import io.chainretail.agent.manager.ManagerOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Stock on hand per product, from the ledger. */
@Path("/api/stock")
@ManagerOnly
public class StockResource {

    private final StockLedger ledger;

    public StockResource(StockLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Path("/{sku}")
    public StockLedger.OnHand onHand(@PathParam("sku") String sku) {
        return ledger.onHand(sku);
    }
}
