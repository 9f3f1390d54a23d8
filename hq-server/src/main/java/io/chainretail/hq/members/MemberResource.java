package io.chainretail.hq.members;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.chainretail.core.error.ErrorCode;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

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

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH")
    @PUT
    @Path("/member-tiers/{code}")
    public MemberTier saveTier(@PathParam("code") String code, TierInput input) {
        return members.saveTier(code, input == null ? null : input.name());
    }

    @Extension(name = Refuses.EXTENSION, value = "INVALID_PAGE")
    @GET
    @Path("/members")
    public List<MemberChange> list(@QueryParam("q") String search,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return search == null || search.isBlank() ? members.page(page, size) : members.search(search, page, size);
    }

    @Extension(name = Refuses.EXTENSION, value = "NO_MEMBER")
    @GET
    @Path("/members/{cardNo}")
    public MemberChange get(@PathParam("cardNo") String cardNo) {
        return members.find(cardNo).orElseThrow(() -> Refusal.of(ErrorCode.NO_MEMBER, "no member with card " + cardNo));
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH UNKNOWN_MEMBER_TIER PHONE_IN_USE")
    @PUT
    @Path("/members/{cardNo}")
    public MemberChange save(@PathParam("cardNo") String cardNo, MemberChange member) {
        References.requireSameKey(cardNo, member.cardNo(), "cardNo");
        return members.save(member);
    }
}
