package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;

/**
 * Members feed: a member as HQ, the book of record, has them.
 *
 * @param pointsBalance      HQ's balance; may be negative after offline redemptions, which reconciliation flags
 * @param offlineRedeemLimit how many points a store may let the member redeem while HQ is unreachable
 */
public record MemberChange(String cardNo, String phone, String name, String tier, long pointsBalance,
        long offlineRedeemLimit, boolean active) implements FeedRecord {

    public MemberChange {
        Fields.require(cardNo != null && cardNo.matches("[0-9A-Za-z]{4,32}"), "cardNo",
                "must be 4-32 letters or digits");
        Fields.require(phone == null || phone.matches("\\+?[0-9]{5,20}"), "phone",
                "must be 5-20 digits, optionally after '+'");
        Fields.notBlank(name, "name");
        Fields.code(tier, "tier");
        Fields.notNegative(offlineRedeemLimit, "offlineRedeemLimit");
    }

    @Override
    public String key() {
        return cardNo;
    }
}
