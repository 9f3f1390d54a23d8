package io.chainretail.hq.stock;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * Stock on hand across the chain, as the stores' journals reported it: one product in every store (or a
 * region's), one store's whole stock, and what runs low.
 */
@Path("/api/stock")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class StockResource {

    /**
     * One product's stock at one store.
     *
     * @param asOfPosition the store's journal position of the last movement HQ has of it, and {@code movedAt} when
     *                     it happened: what HQ knows is this old
     * @param storeOnline  whether the store is connected now: an offline store's stock may have moved since
     */
    public record StockLevel(String store, String storeName, String region, String sku, String productName,
            long quantity, long weightGrams, long asOfPosition, Instant movedAt, boolean storeOnline) {
    }

    private final EntityManager entities;
    private final StockBook book;

    public StockResource(EntityManager entities, StockBook book) {
        this.entities = entities;
        this.book = book;
    }

    /**
     * Stock levels, by store then SKU, narrowed by any of: a product ({@code sku}), a store, a region, and
     * {@code below}: only where fewer than that many units are on hand (the low-stock list).
     */
    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE INVALID_PAGE")
    @GET
    @Transactional
    public List<StockLevel> levels(@QueryParam("sku") @Size(max = 64) String sku,
            @QueryParam("store") @Size(max = 16) String store,
            @QueryParam("region") @Size(max = 16) String region,
            @QueryParam("below") @Min(-1_000_000) @Max(1_000_000) Long below,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        book.catchUp();
        // No "? is null" on a bound parameter: PostgreSQL cannot type a null parameter.
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        narrow(where, parameters, " and s.sku = ?", sku);
        narrow(where, parameters, " and s.store_code = ?", store);
        narrow(where, parameters, " and st.region = ?", region);
        narrow(where, parameters, " and s.quantity < ?", below);
        Query query = entities.createNativeQuery("select s.store_code, st.name, st.region, s.sku, p.name,"
                + " s.quantity, s.weight_grams, s.as_of_position, s.moved_at, pr.state"
                + " from store_stock s left join store st on st.code = s.store_code"
                + " left join product p on p.sku = s.sku"
                + " left join store_presence pr on pr.store_code = s.store_code"
                + where + " order by s.store_code, s.sku");
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(StockResource::level).toList();
    }

    private static void narrow(StringBuilder where, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            where.append(condition);
            parameters.add(value);
        }
    }

    private static StockLevel level(Object[] row) {
        return new StockLevel((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                ((Number) row[5]).longValue(), ((Number) row[6]).longValue(), ((Number) row[7]).longValue(),
                instant(row[8]), "online".equals(row[9]));
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
