package io.chainretail.hq.promotions;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Fields;
import io.chainretail.core.promotion.ItemScope;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.hq.catalog.Brand;
import io.chainretail.hq.catalog.Category;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.masterdata.References;
import io.chainretail.hq.store.Region;
import io.chainretail.hq.store.Store;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Promotions as data: validated (by the record, and here for what it refers to), versioned, stored
 * and published to the promotions feed in one transaction.
 */
@ApplicationScoped
public class PromotionService {

    private final FeedOutbox outbox;
    private final SyncCodec codec = new SyncCodec();

    public PromotionService(FeedOutbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public List<Promotion> list() {
        return StoredPromotion.<StoredPromotion>listAll(Sort.by("code")).stream().map(this::read).toList();
    }

    @Transactional
    public Optional<Promotion> find(String code) {
        return StoredPromotion.<StoredPromotion>findByIdOptional(code).map(this::read);
    }

    /** Saves the promotion as its next version (the version in the request is ignored). */
    @Transactional
    public Promotion save(Promotion input) {
        checkReferences(input);
        StoredPromotion row = StoredPromotion.findById(input.code());
        boolean created = row == null;
        if (created) {
            row = new StoredPromotion();
            row.code = input.code();
        }
        Promotion promotion = input.withVersion(created ? 1 : row.version + 1);
        row.version = promotion.version();
        row.active = promotion.active();
        row.definition = codec.payloadJson(promotion);
        row.updatedAt = Instant.now();
        if (created) {
            row.persist();
        }
        outbox.append(promotion);
        return promotion;
    }

    /** A stored promotion as its record. */
    public Promotion read(StoredPromotion row) {
        try {
            return codec.readPayload(row.definition, Promotion.class);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("promotion " + row.code + " is stored unreadable", e);
        }
    }

    private static void checkReferences(Promotion promotion) {
        each(promotion.targets().regions(), "targets.regions", Region.class, "region", ErrorCode.UNKNOWN_REGION);
        each(promotion.targets().stores(), "targets.stores", Store.class, "store", ErrorCode.UNKNOWN_STORE);
        scope(promotion.items(), "items");
        if (promotion.getItems() != null) {
            scope(promotion.getItems(), "getItems");
        }
        Fields.require(promotion.couponCode() == null || promotion.couponCode().length() >= 3, "couponCode",
                "must be at least 3 characters");
    }

    private static void scope(ItemScope scope, String field) {
        each(scope.skus(), field + ".skus", Product.class, "product", ErrorCode.UNKNOWN_PRODUCT);
        each(scope.categories(), field + ".categories", Category.class, "category", ErrorCode.UNKNOWN_CATEGORY);
        each(scope.brands(), field + ".brands", Brand.class, "brand", ErrorCode.UNKNOWN_BRAND);
    }

    private static void each(List<String> codes, String field, Class<? extends PanacheEntityBase> type,
            String what, ErrorCode unknown) {
        for (int i = 0; i < codes.size(); i++) {
            References.require(type, codes.get(i), field + "[" + i + "]", what, unknown);
        }
    }
}
