package io.chainretail.hq.identity;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.HqConfig;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Sign-in with username and password for a bearer token; who am I; sign-out. */
@Path("/api/auth")
public class AuthResource {

    public record Credentials(@NotBlank String username, @NotBlank String password) {
    }

    /** A session: its token and expiry, who it is, and the chain's currency the console shows amounts in. */
    public record Token(String token, Instant expiresAt, String username, String displayName, String role,
            String store, String currency) {
    }

    public record Me(String username, String role, String store) {
    }

    private final Identities identities;
    private final SecurityIdentity identity;
    private final String currency;

    public AuthResource(Identities identities, SecurityIdentity identity, HqConfig config) {
        this.currency = config.currency();
        this.identities = identities;
        this.identity = identity;
    }

    /** 200 with a token to send as {@code Authorization: Bearer <token>}; else 401 BAD_CREDENTIALS (locked too). */
    @Extension(name = Refuses.EXTENSION, value = "BAD_CREDENTIALS BODY_TOO_LARGE LENGTH_REQUIRED")
    @POST
    @Path("/signin")
    public Token signIn(@Valid Credentials credentials) {
        Identities.Session session = identities.signIn(credentials.username(), credentials.password());
        Identities.SignedIn user = session.user();
        return new Token(session.token(), session.expiresAt(), user.username(), user.displayName(), user.role().id(),
                user.store(), currency);
    }

    @GET
    @Path("/me")
    @Authenticated
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles().iterator().next(),
                identity.getAttribute(BearerTokenMechanism.STORE));
    }

    /** Ends this session; the token no longer works. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN")
    @POST
    @Path("/signout")
    @Authenticated
    public void signOut(@HeaderParam("Authorization") String authorization) {
        String token = BearerTokenMechanism.token(authorization);
        if (token == null) {
            throw Refusal.of(ErrorCode.NOT_SIGNED_IN, "No session to end.");
        }
        identities.signOut(token);
    }
}
