package io.chainretail.hq.members;

import io.chainretail.core.error.Fields;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.hq.LikePatterns;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.masterdata.References;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Member tiers and members; every member change is a delta on the members feed. */
@ApplicationScoped
public class MemberService {

    private final FeedOutbox outbox;

    public MemberService(FeedOutbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public List<MemberTier> tiers() {
        return MemberTier.listAll(Sort.by("code"));
    }

    @Transactional
    public MemberTier saveTier(String code, String name) {
        Fields.code(code, "code");
        Fields.text(name, 200, "name");
        MemberTier tier = MemberTier.findById(code);
        if (tier == null) {
            tier = new MemberTier();
            tier.code = code;
            tier.name = name;
            tier.persist();
        }
        tier.name = name;
        return tier;
    }

    @Transactional
    public Optional<MemberChange> find(String cardNo) {
        return Member.<Member>findByIdOptional(cardNo).map(m -> m.toRecord());
    }

    @Transactional
    public List<MemberChange> page(int page, int size) {
        return Member.<Member>findAll(Sort.by("cardNo")).page(page, size).list().stream()
                .map(m -> m.toRecord()).toList();
    }

    /** Members whose card number or phone starts with, or whose name contains, {@code text} (any case). */
    @Transactional
    public List<MemberChange> search(String text, int page, int size) {
        return Member.<Member>find("lower(cardNo) like ?1 escape '\\' or phone like ?1 escape '\\' "
                + "or lower(name) like ?2 escape '\\'", Sort.by("cardNo"), LikePatterns.startingWith(text),
                LikePatterns.containing(text)).page(page, size).list().stream().map(m -> m.toRecord()).toList();
    }

    /** Creates or replaces a member; the card number and phone each identify one member. */
    @Transactional
    public MemberChange save(MemberChange change) {
        Fields.require(change.pointsBalance() >= 0, "pointsBalance", "must not be negative");
        References.require(MemberTier.class, change.tier(), "tier", "member tier", ErrorCode.UNKNOWN_MEMBER_TIER);
        if (change.phone() != null) {
            Member other = Member.find("phone", change.phone()).firstResult();
            if (other != null && !other.cardNo.equals(change.cardNo())) {
                throw Refusal.of(ErrorCode.PHONE_IN_USE, "phone",
                        "phone " + change.phone() + " already belongs to member " + other.cardNo);
            }
        }
        Member member = Member.findById(change.cardNo());
        boolean created = member == null;
        if (created) {
            member = new Member();
            member.cardNo = change.cardNo();
        }
        member.phone = change.phone();
        member.name = change.name();
        member.tier = change.tier();
        member.pointsBalance = change.pointsBalance();
        member.offlineRedeemLimit = change.offlineRedeemLimit();
        member.active = change.active();
        member.updatedAt = Instant.now();
        if (created) {
            member.persist();
        }
        outbox.append(change);
        return change;
    }

    /**
     * Applies points a store reports (earned minus redeemed) to the member's balance, HQ being the book
     * of record, and publishes the new balance to the stores. The balance may go negative after offline
     * redemptions: reconciliation lists it rather than refusing a completed sale.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void movePoints(String cardNo, long points) {
        Member member = Member.findById(cardNo);
        if (member == null || points == 0) {
            return;
        }
        member.pointsBalance = Math.addExact(member.pointsBalance, points);
        member.updatedAt = Instant.now();
        outbox.append(member.toRecord());
    }
}
