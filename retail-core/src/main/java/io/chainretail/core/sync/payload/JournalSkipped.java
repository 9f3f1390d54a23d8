package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;

/**
 * Uplink: a journal position that holds no business event. A store's journal is numbered without gaps,
 * so that a gap at HQ always means a missing event; positions an older store agent skipped (its journal
 * was numbered by an identity column, which a crash or a rolled-back sale could leave unused) were filled
 * with this when it was upgraded, saying so, and HQ keeps them like any other event.
 */
public record JournalSkipped(String reason) {

    public JournalSkipped {
        Fields.text(reason, 300, "reason");
    }
}
