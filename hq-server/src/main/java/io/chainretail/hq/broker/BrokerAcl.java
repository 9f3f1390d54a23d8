package io.chainretail.hq.broker;

import io.chainretail.core.sync.Topics;
import java.util.List;

/**
 * Who may publish and subscribe where on the chain's broker, written once for the embedded broker's
 * security manager and for the generated Mosquitto ACL file. HQ may use the whole chain tree. A store
 * publishes only its own uplink, status, sync requests and sync progress, and reads only the chain feeds and
 * its own downlink (store feeds, sync replies, acknowledgements, online orders): it can neither forge another
 * store's events nor read another store's data.
 */
public final class BrokerAcl {

    /** The topic filters an account may publish to and subscribe to. */
    public record Rules(List<String> publish, List<String> subscribe) {

        public boolean mayPublish(String topic) {
            return publish.stream().anyMatch(allowed -> covers(allowed, topic));
        }

        /** True when every topic {@code filter} can match is one the account may read. */
        public boolean maySubscribe(String filter) {
            return subscribe.stream().anyMatch(allowed -> covers(allowed, filter));
        }
    }

    private final Topics topics;

    public BrokerAcl(String chain) {
        this.topics = new Topics(chain);
    }

    public Rules hq() {
        return new Rules(List.of(topics.everything()), List.of(topics.everything()));
    }

    public Rules store(String store) {
        return new Rules(
                List.of(topics.up(store, "#"), topics.status(store), topics.syncRequest(store),
                        topics.syncProgress(store)),
                List.of(topics.feed("#"), topics.storeFeed(store, "#"), topics.syncReply(store), topics.ack(store),
                        topics.orders(store)));
    }

    /**
     * Whether the allowed filter {@code allowed} matches every topic that {@code filter} (a topic, or a filter
     * with {@code +} and {@code #}) can match. A shared subscription ({@code $share/group/...}) is judged by
     * its topic filter.
     */
    static boolean covers(String allowed, String filter) {
        String[] rule = allowed.split("/", -1);
        String[] asked = unshared(filter).split("/", -1);
        for (int i = 0; i < rule.length; i++) {
            if ("#".equals(rule[i])) {
                return true;
            }
            if (i >= asked.length || "#".equals(asked[i])) {
                return false;
            }
            if (!"+".equals(rule[i]) && !rule[i].equals(asked[i])) {
                return false;
            }
        }
        return rule.length == asked.length;
    }

    private static String unshared(String filter) {
        if (!filter.startsWith("$share/")) {
            return filter;
        }
        int topic = filter.indexOf('/', "$share/".length());
        return topic < 0 ? filter : filter.substring(topic + 1);
    }
}
