package io.chainretail.hq.audit;

import io.chainretail.core.audit.StoreActs;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import io.chainretail.hq.sales.StoreEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * A store's audit trail as HQ received it: who at the store set its own prices and promotions, booked
 * stock, approved returns without receipt, voids and no-sales, and closed shifts ({@link StoreActs}), from
 * the store's journal events. HQ's own changes are in {@code /api/audit}.
 */
@Path("/api/stores/{store}/audit")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class StoreAuditResource {

    /** One act at the store, with the event that reported it. */
    public record StoreAct(Instant at, String who, String action, String detail, String eventId) {
    }

    private static final List<String> SCHEMAS = StoreActs.SCHEMAS.stream().map(MessageSchema::id).toList();

    /** The store's latest acts, newest first. */
    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE")
    @GET
    @Transactional
    public List<StoreAct> latest(@PathParam("store") String store,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<StoreAct> acts = new ArrayList<>();
        int page = 0;
        while (acts.size() < limit) {
            // Ordered by the store too, so H2 walks store_event_store_position back instead of sorting.
            List<StoreEvent> events = StoreEvent.<StoreEvent>find("storeCode = ?1 and kind in ?2 "
                    + "order by storeCode desc, position desc", store, SCHEMAS).page(page++, 200).list();
            if (events.isEmpty()) {
                break;
            }
            for (StoreEvent event : events) {
                try {
                    StoreActs.of(event.kind, event.payload).ifPresent(act -> acts.add(new StoreAct(act.at(), act.who(),
                            act.action(), act.detail(), event.eventId)));
                } catch (MalformedMessageException e) {
                    throw new IllegalStateException("store event " + event.eventId + " is unreadable", e);
                }
                if (acts.size() == limit) {
                    break;
                }
            }
        }
        return acts;
    }
}
