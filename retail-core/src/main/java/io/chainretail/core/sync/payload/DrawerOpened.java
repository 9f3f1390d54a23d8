package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;

/** Uplink: a cash drawer opened without a sale ("no sale"), with the manager who approved it. */
public record DrawerOpened(String lane, String shiftId, String cashier, String approver, Instant openedAt,
        String reason) {

    public DrawerOpened {
        Fields.text(lane, Limits.LANE, "lane");
        Fields.text(cashier, Limits.PERSON, "cashier");
        Fields.text(approver, Limits.PERSON, "approver");
        Fields.optionalText(shiftId, Limits.ID, "shiftId");
        Fields.optionalText(reason, Limits.NAME, "reason");
    }
}
