package io.chainretail.agent.stock;

import io.chainretail.agent.manager.ManagerGate;
import io.chainretail.agent.manager.ManagerOnly;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Stock on hand per product, from the ledger, and the store manager's adjustments. */
@Path("/api/stock")
@ManagerOnly
public class StockResource {

    /** Goods received, a count, damage or shrink; {@code note}: delivery note or the reason. */
    public record Adjustment(@NotNull StockAdjusted.Kind kind, @NotNull Long quantity, String note) {
    }

    private final StockLedger ledger;
    private final StockAdjustments adjustments;

    public StockResource(StockLedger ledger, StockAdjustments adjustments) {
        this.ledger = ledger;
        this.adjustments = adjustments;
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    public List<StockLedger.OnHand> all() {
        return ledger.all();
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_PRODUCT")
    @GET
    @Path("/{sku}")
    public StockLedger.OnHand onHand(@PathParam("sku") String sku) {
        return ledger.onHand(sku);
    }

    /** The stock after the adjustment; 400 REASON_REQUIRED, 422 INVALID_QUANTITY, 404 UNKNOWN_PRODUCT. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_PRODUCT INVALID_KIND "
            + "INVALID_QUANTITY NOTE_TOO_LONG REASON_REQUIRED")
    @POST
    @Path("/{sku}/adjustments")
    public StockLedger.OnHand adjust(@Context ContainerRequestContext request, @PathParam("sku") String sku,
            @Valid @NotNull Adjustment adjustment) {
        return adjustments.adjust(sku, adjustment.kind(), adjustment.quantity(), adjustment.note(),
                (String) request.getProperty(ManagerGate.MANAGER));
    }
}
