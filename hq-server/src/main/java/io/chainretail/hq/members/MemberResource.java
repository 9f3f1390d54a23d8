package io.chainretail.hq.members;

import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.hq.masterdata.References;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Members and their tiers. */
@Path("/api")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class MemberResource {

    /** A tier as the API takes it. */
    public record TierInput(String name) {
    }

    private final MemberService members;

    public MemberResource(MemberService members) {
        this.members = members;
    }

    @GET
    @Path("/member-tiers")
    public List<MemberTier> tiers() {
        return members.tiers();
    }

    @PUT
    @Path("/member-tiers/{code}")
    public MemberTier saveTier(@PathParam("code") String code, TierInput input) {
        return members.saveTier(code, input == null ? null : input.name());
    }

    @GET
    @Path("/members")
    public List<MemberChange> list(@QueryParam("q") String search,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return search == null || search.isBlank() ? members.page(page, size) : members.search(search, page, size);
    }

    @GET
    @Path("/members/{cardNo}")
    public MemberChange get(@PathParam("cardNo") String cardNo) {
        return members.find(cardNo).orElseThrow(() -> Refusal.notFound("NO_MEMBER", "no member with card " + cardNo));
    }

    @PUT
    @Path("/members/{cardNo}")
    public MemberChange save(@PathParam("cardNo") String cardNo, MemberChange member) {
        References.requireSameKey(cardNo, member.cardNo(), "cardNo");
        return members.save(member);
    }
}
