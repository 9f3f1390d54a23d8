package io.chainretail.agent.stock;

import io.chainretail.agent.manager.ManagerGate;
import io.chainretail.agent.manager.ManagerOnly;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The store manager's stock counts: open one (the store or a category), count, read the variances, post. */
@Path("/api/stock/counts")
@ManagerOnly
public class StockCountResource {

    /** What to count: the whole {@code STORE}, or one {@code CATEGORY} (with its subcategories), named. */
    public record Scope(@NotNull Kind kind, @Size(max = 32) String category) {

        /** Whether the whole store or one category is counted. */
        public enum Kind { STORE, CATEGORY }
    }

    /** Units counted on the shelf. */
    public record Counted(@NotNull Long counted) {
    }

    private final StockCounts counts;

    public StockCountResource(StockCounts counts) {
        this.counts = counts;
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER COUNT_OPEN")
    @POST
    public StockCounts.Report open(@Context ContainerRequestContext request, @Valid @NotNull Scope scope) {
        boolean wholeStore = scope.kind() == Scope.Kind.STORE;
        if (wholeStore != (scope.category() == null || scope.category().isBlank())) {
            throw Refusal.of(ErrorCode.INVALID_FIELD, "category", wholeStore ? "A count of the whole store names no "
                    + "category." : "Name the category to count.");
        }
        return counts.open(wholeStore ? null : scope.category(), manager(request));
    }

    /** The count open now. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_COUNT")
    @GET
    @Path("/current")
    public StockCounts.Report current() {
        return counts.current().orElseThrow(() -> Refusal.of(ErrorCode.UNKNOWN_COUNT, "No stock count is open."));
    }

    /** The count's variance report. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_COUNT")
    @GET
    @Path("/{countId}")
    public StockCounts.Report get(@PathParam("countId") String countId) {
        return counts.get(countId);
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_COUNT COUNT_CLOSED "
            + "UNKNOWN_PRODUCT OUTSIDE_COUNT INVALID_QUANTITY")
    @PUT
    @Path("/{countId}/lines/{sku}")
    public StockCounts.Report count(@PathParam("countId") String countId, @PathParam("sku") String sku,
            @Valid @NotNull Counted counted) {
        return counts.count(countId, sku, counted.counted());
    }

    /** Moves the books by every counted difference; each goes up to HQ as a count. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_COUNT COUNT_CLOSED")
    @POST
    @Path("/{countId}/post")
    public StockCounts.Report post(@Context ContainerRequestContext request, @PathParam("countId") String countId) {
        return counts.post(countId, manager(request));
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_COUNT COUNT_CLOSED")
    @POST
    @Path("/{countId}/cancel")
    public StockCounts.Report cancel(@Context ContainerRequestContext request, @PathParam("countId") String countId) {
        return counts.cancel(countId, manager(request));
    }

    private static String manager(ContainerRequestContext request) {
        return (String) request.getProperty(ManagerGate.MANAGER);
    }
}
