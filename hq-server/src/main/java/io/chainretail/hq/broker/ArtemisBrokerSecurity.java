package io.chainretail.hq.broker;

import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.jboss.logging.Logger;

/**
 * The embedded broker's security: a connection must sign in with a {@link BrokerAccounts} account, under a
 * client id that account may use ({@link BrokerAccounts.Account#mayUseClientId}), and each publish and
 * subscription is checked against that account's {@link BrokerAcl} rules. Artemis names MQTT topics as
 * addresses ({@code a/b/+/#} is {@code a.b.*.#}); they are turned back into topics here so the rules are the
 * same ones Mosquitto gets.
 */
final class ArtemisBrokerSecurity implements ActiveMQSecurityManager5 {

    private static final Logger LOG = Logger.getLogger(ArtemisBrokerSecurity.class);
    private static final String HQ_ROLE = "hq";
    private static final String STORE_ROLE = "store:";
    private static final String RETAINED = "$sys.mqtt.retain.";

    private final BrokerAccounts accounts;

    ArtemisBrokerSecurity(BrokerAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String domain) {
        Object from = connection == null ? "?" : connection.getRemoteAddress();
        Optional<BrokerAccounts.Account> account = accounts.authenticate(user, password);
        if (account.isEmpty()) {
            LOG.warnf("Broker refused a connection for user '%s' from %s: unknown user or wrong password", user, from);
            return null;
        }
        // Artemis sets the MQTT client id before it signs the client in, and hands the id over (disconnecting
        // its holder) only after: refusing here leaves the holder connected.
        String clientId = connection == null ? null : connection.getClientID();
        if (!account.get().mayUseClientId(clientId)) {
            LOG.warnf("Broker refused a connection for user '%s' from %s: it may not use client id '%s' (only '%s'"
                    + " or '%s%s...')", user, from, clientId, user, user, BrokerAccounts.CLIENT_ID_SUFFIX);
            return null;
        }
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(account.get().username()));
        subject.getPrincipals().add(new RolePrincipal(account.get().store() == null ? HQ_ROLE
                : STORE_ROLE + account.get().store()));
        return subject;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        String role = subject == null ? null : subject.getPrincipals(RolePrincipal.class).stream()
                .map(RolePrincipal::getName).findFirst().orElse(null);
        if (role == null) {
            return false;
        }
        BrokerAcl.Rules rules = accounts.rulesOf(HQ_ROLE.equals(role) ? null : role.substring(STORE_ROLE.length()));
        String bare = address.contains("::") ? address.substring(0, address.indexOf("::")) : address;
        boolean allowed;
        if (bare.startsWith(RETAINED)) {
            // The queue that keeps a topic's retained message is made on behalf of whoever publishes it.
            allowed = rules.mayPublish(topicOf(bare.substring(RETAINED.length())));
        } else if (checkType == CheckType.SEND) {
            allowed = rules.mayPublish(topicOf(bare));
        } else if (checkType == CheckType.CREATE_ADDRESS || checkType == CheckType.DELETE_ADDRESS) {
            // Publishing to a topic and subscribing to a filter both make its address first.
            allowed = rules.mayPublish(topicOf(bare)) || rules.maySubscribe(topicOf(bare));
        } else if (checkType == CheckType.MANAGE || checkType == CheckType.EDIT || checkType == CheckType.VIEW) {
            allowed = HQ_ROLE.equals(role);
        } else {
            // Subscribing is creating and consuming a queue on the filter's address.
            allowed = rules.maySubscribe(topicOf(bare));
        }
        if (!allowed) {
            LOG.warnf("Broker refused %s on '%s' to %s", checkType, topicOf(bare), role);
        }
        return allowed;
    }

    /** The MQTT topic or filter of an Artemis address. */
    static String topicOf(String address) {
        return address.replace('.', '/').replace('*', '+');
    }

    @Override
    public boolean validateUser(String user, String password) {
        return accounts.authenticate(user, password).isPresent();
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false; // Artemis calls authorize(...) on an ActiveMQSecurityManager5
    }
}
