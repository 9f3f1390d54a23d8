package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;

/** Catalog feed: a category; {@code parent} is {@code null} at the top of the tree. */
public record CategoryChange(String code, String name, String parent, boolean active) implements FeedRecord {

    public CategoryChange {
        Fields.code(code, "code");
        Fields.notBlank(name, "name");
        Fields.optionalCode(parent, "parent");
        Fields.require(!code.equals(parent), "parent", "a category cannot be its own parent");
    }

    @Override
    public String key() {
        return code;
    }
}
