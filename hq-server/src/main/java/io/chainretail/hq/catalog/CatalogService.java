package io.chainretail.hq.catalog;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.payload.BrandChange;
import io.chainretail.core.sync.payload.CategoryChange;
import io.chainretail.core.sync.payload.TaxClassChange;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.masterdata.References;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Tax classes, the category tree and brands: validated, stored and published to the catalog feed together. */
@ApplicationScoped
public class CatalogService {

    private final FeedOutbox outbox;

    public CatalogService(FeedOutbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public List<TaxClassChange> taxClasses() {
        return TaxClass.<TaxClass>listAll(Sort.by("code")).stream().map(t -> t.toRecord()).toList();
    }

    @Transactional
    public TaxClassChange save(TaxClassChange change) {
        TaxClass row = TaxClass.findById(change.code());
        if (row == null) {
            row = new TaxClass();
            row.code = change.code();
            fill(row, change);
            row.persist();
        }
        fill(row, change);
        outbox.append(change);
        return change;
    }

    @Transactional
    public List<CategoryChange> categories() {
        return Category.<Category>listAll(Sort.by("code")).stream().map(c -> c.toRecord()).toList();
    }

    @Transactional
    public CategoryChange save(CategoryChange change) {
        References.require(Category.class, change.parent(), "parent", "category", ErrorCode.UNKNOWN_CATEGORY);
        refuseCycle(change);
        Category row = Category.findById(change.code());
        if (row == null) {
            row = new Category();
            row.code = change.code();
            fill(row, change);
            row.persist();
        }
        fill(row, change);
        outbox.append(change);
        return change;
    }

    @Transactional
    public List<BrandChange> brands() {
        return Brand.<Brand>listAll(Sort.by("code")).stream().map(b -> b.toRecord()).toList();
    }

    @Transactional
    public BrandChange save(BrandChange change) {
        Brand row = Brand.findById(change.code());
        if (row == null) {
            row = new Brand();
            row.code = change.code();
            row.name = change.name();
            row.persist();
        }
        row.name = change.name();
        row.active = change.active();
        outbox.append(change);
        return change;
    }

    /** Moving a category under one of its own descendants would cut the branch off the tree. */
    private static void refuseCycle(CategoryChange change) {
        Set<String> seen = new HashSet<>(Set.of(change.code()));
        String parent = change.parent();
        while (parent != null) {
            if (!seen.add(parent)) {
                throw Refusal.of(ErrorCode.CATEGORY_CYCLE, "parent", "category " + change.parent()
                        + " is inside " + change.code() + "; a category cannot move under its own branch");
            }
            Category up = Category.findById(parent);
            parent = up == null ? null : up.parent;
        }
    }

    private static void fill(TaxClass row, TaxClassChange change) {
        row.name = change.name();
        row.rateBp = change.rateBp();
        row.inclusive = change.inclusive();
    }

    private static void fill(Category row, CategoryChange change) {
        row.name = change.name();
        row.parent = change.parent();
        row.active = change.active();
    }
}
