package io.chainretail.hq.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ACL rules themselves, topic by topic and filter by filter. */
class BrokerAclTest {

    private final BrokerAcl acl = new BrokerAcl("demo");

    @Test
    void aStorePublishesOnlyItsOwnUplinkStatusAndSyncRequests() {
        BrokerAcl.Rules store = acl.store("0001");
        assertTrue(store.mayPublish("retail/v1/demo/store/0001/up/sale"));
        assertTrue(store.mayPublish("retail/v1/demo/store/0001/status"));
        assertTrue(store.mayPublish("retail/v1/demo/store/0001/sync/request"));
        assertFalse(store.mayPublish("retail/v1/demo/store/0002/up/sale"));
        assertFalse(store.mayPublish("retail/v1/demo/store/0001/ack"), "only HQ acknowledges");
        assertFalse(store.mayPublish("retail/v1/demo/feed/prices"), "only HQ writes the feeds");
        assertFalse(store.mayPublish("retail/v1/demo/store/0001/feed/prices"));
        assertFalse(store.mayPublish("retail/v1/other/store/0001/up/sale"), "another chain");
    }

    @Test
    void aStoreReadsTheChainFeedsAndItsOwnDownlinkOnly() {
        BrokerAcl.Rules store = acl.store("0001");
        assertTrue(store.maySubscribe("retail/v1/demo/feed/+"));
        assertTrue(store.maySubscribe("retail/v1/demo/feed/catalog"));
        assertTrue(store.maySubscribe("retail/v1/demo/store/0001/feed/#"));
        assertTrue(store.maySubscribe("retail/v1/demo/store/0001/sync/reply"));
        assertTrue(store.maySubscribe("retail/v1/demo/store/0001/ack"));
        assertFalse(store.maySubscribe("retail/v1/demo/store/0002/ack"));
        assertFalse(store.maySubscribe("retail/v1/demo/store/+/ack"), "a wildcard over stores reads others'");
        assertFalse(store.maySubscribe("retail/v1/demo/store/0001/#"), "covers its own uplink too: not granted");
        assertFalse(store.maySubscribe("retail/v1/demo/#"));
        assertFalse(store.maySubscribe("#"));
        assertFalse(store.maySubscribe("retail/v1/demo/store/0001/ack/extra"));
    }

    @Test
    void hqUsesTheWholeChainTreeSharedSubscriptionsIncluded() {
        BrokerAcl.Rules hq = acl.hq();
        assertTrue(hq.maySubscribe("$share/hq/retail/v1/demo/store/+/up/+"));
        assertTrue(hq.mayPublish("retail/v1/demo/store/0002/ack"));
        assertFalse(hq.maySubscribe("#"), "another chain's topics are not HQ's");
    }

    @Test
    void aStoreConnectsOnlyUnderItsOwnClientIds() {
        BrokerAccounts.Account store = new BrokerAccounts.Account("store-0001", "0001", acl.store("0001"));
        assertTrue(store.mayUseClientId("store-0001"));
        assertTrue(store.mayUseClientId("store-0001@shelf-gateway"), "its name, @ and a suffix of its own");
        assertFalse(store.mayUseClientId("hq-1"), "HQ's session");
        assertFalse(store.mayUseClientId("store-0002"), "another store's");
        assertFalse(store.mayUseClientId("store-0001-2"), "store 0001-2's ('-' may be part of a store code)");
        assertFalse(store.mayUseClientId("store-00012"));
        assertFalse(store.mayUseClientId(null));
        assertFalse(store.mayUseClientId(""));
        BrokerAccounts.Account hq = new BrokerAccounts.Account("hq", null, acl.hq());
        assertTrue(hq.mayUseClientId("hq-2"), "HQ's instances pick their own ids");
    }
}
