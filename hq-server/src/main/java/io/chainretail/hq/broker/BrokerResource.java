package io.chainretail.hq.broker;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import io.chainretail.core.error.InvalidField;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * Broker accounts, for HQ admins: issue a store agent its credentials (shown once; the agent's
 * {@code agent.mqtt.username} and {@code agent.mqtt.password}), list who has one, and generate Mosquitto's
 * password file, ACL file and settings for a chain that runs its own broker.
 */
@Path("/api/broker")
@RolesAllowed(Role.ADMIN)
public class BrokerResource {

    private final BrokerAccounts accounts;
    private final MosquittoFiles mosquitto;
    private final SecurityIdentity caller;

    public BrokerResource(BrokerAccounts accounts, MosquittoFiles mosquitto, SecurityIdentity caller) {
        this.accounts = accounts;
        this.mosquitto = mosquitto;
        this.caller = caller;
    }

    @GET
    @Path("/credentials")
    public List<BrokerAccounts.Listed> list() {
        return accounts.list();
    }

    /** A new password for the store's agent, replacing its old one (refused from then on). */
    @Extension(name = Refuses.EXTENSION, value = "UNKNOWN_STORE OTHER_STORE")
    @POST
    @Path("/credentials/{store}")
    public BrokerAccounts.Issued issue(@PathParam("store") String store) {
        return accounts.issue(store, caller.getPrincipal().getName());
    }

    /** Mosquitto's {@code password_file}. */
    @GET
    @Path("/mosquitto/passwd")
    @Produces(MediaType.TEXT_PLAIN)
    public String mosquittoPasswordFile() {
        return mosquitto.passwordFile();
    }

    /** Mosquitto's {@code acl_file}. */
    @GET
    @Path("/mosquitto/acl")
    @Produces(MediaType.TEXT_PLAIN)
    public String mosquittoAclFile() {
        return mosquitto.aclFile();
    }

    /**
     * The lines to include in {@code mosquitto.conf}: no anonymous clients, the two files above (in
     * {@code dir}, default {@code /etc/mosquitto}), and each client's id bound to its account.
     */
    @GET
    @Path("/mosquitto/conf")
    @Produces(MediaType.TEXT_PLAIN)
    public String mosquittoConfiguration(@QueryParam("dir") @DefaultValue("/etc/mosquitto") String dir) {
        if (dir.isBlank() || !dir.startsWith("/") || dir.chars().anyMatch(c -> c < ' ')) {
            throw new InvalidField("dir", "must be an absolute directory on the broker's machine, was '"
                    + dir.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return mosquitto.configuration(dir);
    }
}
