package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;

/** Uplink: a cash drawer opened without a sale ("no sale"), with the manager who approved it. */
public record DrawerOpened(String lane, String shiftId, String cashier, String approver, Instant openedAt,
        String reason) {

    public DrawerOpened {
        Fields.notBlank(lane, "lane");
        Fields.notBlank(cashier, "cashier");
        Fields.notBlank(approver, "approver");
    }
}
