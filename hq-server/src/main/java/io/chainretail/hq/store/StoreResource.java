package io.chainretail.hq.store;

import io.quarkus.panache.common.Sort;
import io.chainretail.core.error.Refusal;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The stores of the chain. */
@Path("/api/stores")
public class StoreResource {

    /** A store as the API shows and accepts it. */
    public record StoreView(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,16}", message = "1-16 letters, digits, '-' or '_'")
            String code,
            @NotBlank String name,
            @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as CNY") String currency) {
    }

    @GET
    @Transactional
    public List<StoreView> list() {
        return Store.<Store>listAll(Sort.by("code")).stream()
                .map(s -> new StoreView(s.code, s.name, s.currency)).toList();
    }

    @POST
    @Transactional
    public Response create(@Valid StoreView input) {
        if (Store.findById(input.code()) != null) {
            throw Refusal.conflict("STORE_EXISTS", "store " + input.code() + " already exists");
        }
        Store store = new Store();
        store.code = input.code();
        store.name = input.name();
        store.currency = input.currency() == null ? "CNY" : input.currency();
        store.createdAt = Instant.now();
        store.persist();
        return Response.status(201).entity(new StoreView(store.code, store.name, store.currency)).build();
    }
}
