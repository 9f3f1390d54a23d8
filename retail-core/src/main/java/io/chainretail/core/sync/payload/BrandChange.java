package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;

/** Catalog feed: a brand. */
public record BrandChange(String code, String name, boolean active) implements FeedRecord {

    public BrandChange {
        Fields.code(code, "code");
        Fields.notBlank(name, "name");
    }

    @Override
    public String key() {
        return code;
    }
}
