package io.chainretail.agent.points;

import io.chainretail.agent.AgentConfig;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.payload.MemberChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A member's points at the till. HQ keeps the balance (it arrives with the member on the members feed);
 * this store's redemptions HQ does not have yet count against it. While HQ is unreachable a member may
 * redeem at most their offline allowance (set at HQ) over all sales not yet delivered: more needs HQ and
 * is refused with a message saying so (docs/architecture.md, "Offline").
 */
@ApplicationScoped
public class PointsLedger {

    private final EntityManager entities;
    private final Map<String, ReentrantLock> redeeming = new ConcurrentHashMap<>();
    private final AgentConfig.Points rules;

    public PointsLedger(EntityManager entities, AgentConfig config) {
        this.entities = entities;
        this.rules = config.points();
    }

    /** Points a payment of {@code paidMinor} (not in points) earns. */
    public long earned(long paidMinor, String currency) {
        long unit = (long) Math.pow(10, Currency.getInstance(currency).getDefaultFractionDigits());
        return Math.max(0, paidMinor) / unit * rules.earnPerUnit();
    }

    /** Points a {@code POINTS} tender of {@code amountMinor} uses; refused unless it is a whole number. */
    public long pointsFor(long amountMinor) {
        if (amountMinor % rules.valueMinor() != 0) {
            throw Refusal.of(ErrorCode.POINTS_AMOUNT, "A points payment must be a multiple of "
                    + rules.valueMinor() + " minor units (one point).");
        }
        return amountMinor / rules.valueMinor();
    }

    /** {@code amountMinor} rounded down to whole points' worth. */
    public long wholePoints(long amountMinor) {
        return amountMinor - amountMinor % rules.valueMinor();
    }

    /**
     * Runs a redemption's check and its sale's commit under the member's lock, so that two lanes paying
     * with the same member's points at the same moment see each other's redemption.
     */
    public <T> T redeeming(String member, Supplier<T> checkAndCommit) {
        ReentrantLock lock = redeeming.computeIfAbsent(member, m -> new ReentrantLock());
        lock.lock();
        try {
            return checkAndCommit.get();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses a redemption the member cannot make now. */
    @Transactional
    public void checkRedeemable(MemberChange member, long points, boolean hqReachable) {
        long pending = sum(member.cardNo(), false);
        long available = member.pointsBalance() - pending;
        if (points > available) {
            throw Refusal.of(ErrorCode.POINTS_NOT_AVAILABLE, member.name() + " has " + Math.max(0, available)
                    + " points to redeem, not " + points + ".");
        }
        if (!hqReachable) {
            long offlineLeft = member.offlineRedeemLimit() - sum(member.cardNo(), true);
            if (points > offlineLeft) {
                throw Refusal.of(ErrorCode.POINTS_NEED_HQ, "HQ is unreachable: " + member.name()
                        + " can redeem at most " + Math.max(0, offlineLeft) + " points until it is back.");
            }
        }
    }

    /** Records the sale's points; joins the sale's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String member, String saleId, String eventId, long earned, long redeemed, boolean offline) {
        if (earned > 0) {
            entry(member, "EARN", earned, saleId, eventId, offline);
        }
        if (redeemed > 0) {
            entry(member, "REDEEM", redeemed, saleId, eventId, offline);
        }
    }

    /** Records what a return or void took back ({@code REVERSE}) and gave back ({@code RESTORE}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordGivenBack(String member, String returnId, String eventId, long reversed, long restored) {
        if (reversed > 0) {
            entry(member, "REVERSE", reversed, returnId, eventId, false);
        }
        if (restored > 0) {
            entry(member, "RESTORE", restored, returnId, eventId, false);
        }
    }

    private void entry(String member, String kind, long points, String saleId, String eventId, boolean offline) {
        PointsEntry entry = new PointsEntry();
        entry.member = member;
        entry.kind = kind;
        entry.points = points;
        entry.saleId = saleId;
        entry.eventId = eventId;
        entry.offline = offline;
        entry.enteredAt = Instant.now();
        entry.persist();
    }

    /** Redemptions HQ does not have yet; {@code offlineOnly}: those made while HQ was unreachable. */
    private long sum(String member, boolean offlineOnly) {
        Long sum = entities.createQuery("select sum(p.points) from PointsEntry p where p.member = ?1 and "
                + "p.kind = 'REDEEM'" + (offlineOnly ? " and p.offline = true" : "")
                + " and exists (select 1 from JournalEntry j where j.eventId = p.eventId and j.deliveredAt is null)",
                Long.class).setParameter(1, member).getSingleResult();
        return sum == null ? 0 : sum;
    }
}
