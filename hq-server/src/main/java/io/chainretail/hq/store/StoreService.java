package io.chainretail.hq.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.core.error.Fields;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.payload.StoreChange;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.masterdata.References;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Regions and stores; every store change goes to the catalog feed, so stores know each other. */
@ApplicationScoped
public class StoreService {

    private static final Logger LOG = Logger.getLogger(StoreService.class);

    private static final TypeReference<List<StoreChange.OpeningHours>> HOURS = new TypeReference<>() {
    };

    private final FeedOutbox outbox;
    private final ObjectMapper json;
    private final HqConfig config;

    public StoreService(FeedOutbox outbox, ObjectMapper json, HqConfig config) {
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    @Transactional
    public List<StoreChange> list() {
        return Store.<Store>listAll(Sort.by("code")).stream().map(this::toRecord).toList();
    }

    /** Creates a store; refused if the code is taken. */
    @Transactional
    public StoreChange create(StoreInput input) {
        StoreChange store = input.toRecord();
        if (Store.findById(store.code()) != null) {
            throw Refusal.of(ErrorCode.STORE_EXISTS, "store " + store.code() + " already exists");
        }
        return save(store);
    }

    /** Creates or replaces a store; one without a limit on its manager's prices gets the chain's default. */
    @Transactional
    public StoreChange save(StoreChange given) {
        StoreChange change = given.priceOverrideMaxBp() != null ? given
                : given.withPriceOverrideMaxBp(config.pricing().defaultPriceOverrideMaxBp());
        References.require(Region.class, change.region(), "region", "region", ErrorCode.UNKNOWN_REGION);
        Store store = Store.findById(change.code());
        boolean created = store == null;
        if (created) {
            store = new Store();
            store.code = change.code();
            store.createdAt = Instant.now();
        }
        store.name = change.name();
        store.currency = change.currency();
        store.region = change.region();
        store.timezone = change.timezone();
        store.lanes = change.lanes();
        store.localPromotionMaxBp = change.localPromotionMaxBp();
        store.priceOverrideMaxBp = change.priceOverrideMaxBp();
        try {
            store.openingHours = json.writeValueAsString(change.openingHours());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (created) {
            store.persist();
        }
        outbox.append(change);
        return change;
    }

    /**
     * Gives every store that has no limit on its manager's prices (one from before HQ had it) the chain's default,
     * and sends the stores its record again; returns how many. Called at start-up.
     */
    @Transactional
    public int giveDefaultPriceLimits() {
        List<Store> without = Store.list("priceOverrideMaxBp is null");
        without.forEach(store -> save(toRecord(store)));
        return without.size();
    }

    // Quarkus intercepts a bean's calls to itself, so the call below runs in a transaction.
    void onStart(@Observes @Priority(3) StartupEvent event) {
        int given = giveDefaultPriceLimits();
        if (given > 0) {
            LOG.infof("%d store(s) had no limit on their managers' prices: they have the chain's default now", given);
        }
    }

    @Transactional
    public List<Region> regions() {
        return Region.listAll(Sort.by("code"));
    }

    /** Creates or renames a region (regions stay at HQ; stores carry their region's code). */
    @Transactional
    public Region saveRegion(String code, String name) {
        Fields.code(code, "code");
        Fields.text(name, 200, "name");
        Region region = Region.findById(code);
        if (region == null) {
            region = new Region();
            region.code = code;
            region.name = name;
            region.persist();
        }
        region.name = name;
        return region;
    }

    /** A stored store as the feed carries it. */
    public StoreChange toRecord(Store store) {
        try {
            return store.toRecord(json.readValue(store.openingHours, HOURS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("store " + store.code + " has unreadable opening hours", e);
        }
    }
}
