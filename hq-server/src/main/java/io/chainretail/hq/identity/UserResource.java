package io.chainretail.hq.identity;

import io.chainretail.core.web.Refuses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** User administration, for HQ admins only. */
@Path("/api/users")
@RolesAllowed(Role.ADMIN)
public class UserResource {

    /** A user to create or change; {@code password} may be left out to keep the current one. */
    public record UserInput(@NotBlank String displayName, @NotBlank String role, String store, String password,
            Boolean active) {
    }

    /** A cashier's or store manager's till id and PIN. */
    public record TillAccess(String tillId, String pin) {
    }

    private final Identities identities;

    public UserResource(Identities identities) {
        this.identities = identities;
    }

    @GET
    public List<Identities.UserView> list() {
        return identities.list();
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH INVALID_ROLE PASSWORD_REQUIRED PASSWORD_TOO_SHORT STORE_REQUIRED NO_STORE_FOR_HQ_ROLE "
            + "UNKNOWN_STORE")
    @PUT
    @Path("/{username}")
    public Identities.UserView save(@PathParam("username") @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}",
            message = "letters, digits and . _ @ - only, at most 64") String username, @Valid UserInput input) {
        return identities.save(username, input.displayName(), input.role(), input.store(), input.password(),
                input.active() == null || input.active());
    }

    /** Gives a cashier or store manager a till id and PIN; their store's tills get it within seconds. */
    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "INVALID_PIN INVALID_TILL_ID NOT_A_STORE_ROLE NO_USER TILL_ID_TAKEN")
    @PUT
    @Path("/{username}/till")
    public Identities.UserView setTillAccess(@PathParam("username") String username, TillAccess access) {
        return identities.setTillAccess(username, access == null ? null : access.tillId(),
                access == null ? null : access.pin());
    }
}
