package io.chainretail.hq.broker;

import io.chainretail.hq.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Broker accounts, for HQ admins: issue a store agent its credentials (shown once; the agent's
 * {@code agent.mqtt.username} and {@code agent.mqtt.password}), list who has one, and generate Mosquitto's
 * password and ACL files for a chain that runs its own broker.
 */
@Path("/api/broker")
@RolesAllowed(Role.ADMIN)
public class BrokerResource {

    private final BrokerAccounts accounts;
    private final SecurityIdentity caller;

    public BrokerResource(BrokerAccounts accounts, SecurityIdentity caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Path("/credentials")
    public List<BrokerAccounts.Listed> list() {
        return accounts.list();
    }

    /** A new password for the store's agent, replacing its old one (which stops working within 10 s). */
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
        return accounts.mosquittoPasswordFile();
    }

    /** Mosquitto's {@code acl_file}. */
    @GET
    @Path("/mosquitto/acl")
    @Produces(MediaType.TEXT_PLAIN)
    public String mosquittoAclFile() {
        return accounts.mosquittoAclFile();
    }
}
