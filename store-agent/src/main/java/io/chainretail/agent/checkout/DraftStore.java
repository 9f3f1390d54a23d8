package io.chainretail.agent.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.agent.replica.Catalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps open and suspended baskets in the store's database. What is saved is what the cashier did
 * (codes, quantities, weights, voids, member, coupons), never prices: a restored basket is priced
 * again from the replica like any other.
 */
@ApplicationScoped
public class DraftStore {

    private static final Logger LOG = Logger.getLogger(DraftStore.class);

    /** A saved basket. */
    public record Saved(String saleId, String lane, String cashier, boolean suspended, String memberCard,
            List<String> coupons, List<SavedLine> lines) {
    }

    /** A saved line. */
    public record SavedLine(int lineNo, String code, String sku, long quantity, Long labelPriceMinor,
            Long weightGrams, boolean voided) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Catalog catalog;

    public DraftStore(Catalog catalog) {
        this.catalog = catalog;
    }

    @Transactional
    void save(SaleDraft draft) {
        Saved saved = new Saved(draft.saleId, draft.lane, draft.cashier, draft.suspended,
                draft.member == null ? null : draft.member.cardNo(), List.copyOf(draft.coupons),
                draft.lines.stream().map(l -> new SavedLine(l.lineNo, l.code, l.item.sku(), l.quantity,
                        l.labelPriceMinor, l.weightGrams, l.voided)).toList());
        OpenSale row = OpenSale.findById(draft.saleId);
        if (row == null) {
            row = new OpenSale();
            row.saleId = draft.saleId;
        }
        row.lane = draft.lane;
        row.cashier = draft.cashier;
        row.suspended = draft.suspended;
        row.updatedAt = Instant.now();
        try {
            row.payload = json.writeValueAsString(saved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot save basket " + draft.saleId, e);
        }
        row.persist();
    }

    /** Forgets a basket; joins the caller's transaction, so completing a sale and this are one. */
    @Transactional(Transactional.TxType.REQUIRED)
    void delete(String saleId) {
        OpenSale.deleteById(saleId);
    }

    /** Every saved basket, rebuilt from the replica; a line whose product is gone is left out and logged. */
    @Transactional
    List<SaleDraft> loadAll() {
        List<SaleDraft> drafts = new ArrayList<>();
        for (OpenSale row : OpenSale.<OpenSale>listAll()) {
            try {
                drafts.add(rebuild(json.readValue(row.payload, Saved.class)));
            } catch (JsonProcessingException e) {
                LOG.errorf("Saved basket %s is unreadable and was not restored: %s", row.saleId, e.getMessage());
            }
        }
        return drafts;
    }

    private SaleDraft rebuild(Saved saved) {
        SaleDraft draft = new SaleDraft(saved.saleId(), saved.lane(), saved.cashier());
        draft.suspended = saved.suspended();
        draft.coupons.addAll(saved.coupons());
        if (saved.memberCard() != null) {
            draft.member = catalog.member(saved.memberCard()).orElse(null);
        }
        String tier = draft.member == null ? null : draft.member.tier();
        for (SavedLine line : saved.lines()) {
            Optional<Catalog.Item> item = catalog.item(line.sku(), tier);
            if (item.isEmpty()) {
                LOG.warnf("Basket %s line %d: %s is no longer on sale and was left out", saved.saleId(), line.lineNo(),
                        line.sku());
                continue;
            }
            SaleDraft.Line restored = new SaleDraft.Line(line.lineNo(), line.code(), item.get(), line.quantity(),
                    line.labelPriceMinor(), line.weightGrams());
            restored.voided = line.voided();
            draft.lines.add(restored);
            draft.currency = item.get().currency();
        }
        return draft;
    }
}
