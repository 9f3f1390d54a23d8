package io.chainretail.hq.promotions;

import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.LocalPromotionChanged;
import io.chainretail.hq.sales.StoreEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The promotions a store runs on its own, within the depth HQ allows it: the latest report of each, as the
 * store sent them (kept in {@code store_event}), ended ones left out. Call inside a transaction.
 */
@ApplicationScoped
public class StoreLocalPromotions {

    private final SyncCodec codec = new SyncCodec();

    public List<LocalPromotionChanged> running(String store) {
        Map<String, LocalPromotionChanged> latest = new LinkedHashMap<>();
        for (StoreEvent event : StoreEvent.<StoreEvent>list("storeCode = ?1 and kind = ?2 order by position", store,
                MessageSchema.LOCAL_PROMOTION.id())) {
            LocalPromotionChanged change = read(event);
            latest.put(change.promotion().code(), change);
        }
        return latest.values().stream().filter(change -> !change.ended()).toList();
    }

    private LocalPromotionChanged read(StoreEvent event) {
        try {
            return codec.readPayload(event.payload, LocalPromotionChanged.class);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("store event " + event.eventId + " is unreadable", e);
        }
    }
}
