package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;

/**
 * Catalog feed: a tax class.
 *
 * @param rateBp    the rate in basis points: 1300 = 13%
 * @param inclusive true when shelf prices include the tax (VAT style), false when it is added at the till
 */
public record TaxClassChange(String code, String name, int rateBp, boolean inclusive) implements FeedRecord {

    public TaxClassChange {
        Fields.code(code, "code");
        Fields.notBlank(name, "name");
        Fields.require(rateBp >= 0 && rateBp <= 10_000, "rateBp", "must be between 0 and 10000 basis points");
    }

    @Override
    public String key() {
        return code;
    }
}
