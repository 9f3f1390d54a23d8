package io.chainretail.agent.manager;

import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.audit.StoreActs;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who did what that needed a manager at this store, and when: read from the journal, where each such act
 * was written in the same transaction as the change itself (and from where it goes up to HQ), so the trail
 * cannot miss one. Store prices set and removed, the store's own promotions, stock booked, approvals of
 * returns without receipt, voids and no-sales, and shifts closed with their variance ({@link StoreActs}).
 */
@ApplicationScoped
public class StoreAuditTrail {

    /** One act, with the journal event that records it. */
    public record Act(Instant at, String who, String action, String detail, String eventId) {
    }

    private static final List<String> SCHEMAS = StoreActs.SCHEMAS.stream().map(MessageSchema::id).toList();

    /** The latest {@code limit} acts, newest first. */
    @Transactional
    public List<Act> latest(int limit) {
        List<Act> acts = new ArrayList<>();
        int page = 0;
        while (acts.size() < limit) {
            List<JournalEntry> entries = JournalEntry.<JournalEntry>find("schemaId in ?1 order by position desc",
                    SCHEMAS).page(page++, 200).list();
            if (entries.isEmpty()) {
                break;
            }
            for (JournalEntry entry : entries) {
                act(entry).ifPresent(acts::add);
                if (acts.size() == limit) {
                    break;
                }
            }
        }
        return acts;
    }

    private static Optional<Act> act(JournalEntry entry) {
        try {
            return StoreActs.of(entry.schemaId, entry.payload)
                    .map(act -> new Act(act.at(), act.who(), act.action(), act.detail(), entry.eventId));
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("journal entry " + entry.position + " is unreadable", e);
        }
    }
}
