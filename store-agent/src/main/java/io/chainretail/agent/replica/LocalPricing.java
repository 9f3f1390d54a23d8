package io.chainretail.agent.replica;

import io.chainretail.core.pricing.StoreOverride;
import io.chainretail.core.promotion.Promotion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store's own prices and promotions ({@link PriceOverride}, {@link LocalPromotion}) as checkout reads
 * them at every scan: over plain JDBC, since a scan is answered on the HTTP event loop, and read each time,
 * so that a manager's change applies at the next scan.
 */
@ApplicationScoped
public class LocalPricing {

    private final DataSource dataSource;

    public LocalPricing(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The manager's price for the product, if one is set (valid now or not: the resolver decides). */
    public Optional<StoreOverride> override(String sku) {
        return SqlReads.list(dataSource, "select price_minor, valid_from, valid_to from price_override where sku = ?",
                row -> new StoreOverride(sku, row.getLong(1), instant(row.getObject(2, OffsetDateTime.class)),
                        instant(row.getObject(3, OffsetDateTime.class))), sku).stream().findFirst();
    }

    /** The store's promotions that have not been ended (the engine checks their schedules). */
    public List<Promotion> runningPromotions() {
        return SqlReads.list(dataSource, "select promotion from local_promotion where ended_at is null order by code",
                row -> LocalPromotion.read(row.getString(1)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
