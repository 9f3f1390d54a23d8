package io.chainretail.hq.mqtt;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;

/**
 * Reads a store's control message (a status, a sync request, its sync progress): it must be of the expected
 * schema, of this chain, and of the store its topic names, so a store's account cannot speak for another store
 * even where a broker's ACL would let it.
 */
public final class StoreMessages {

    /** A control message and the store that sent it. */
    public record Received<T>(String store, T payload) {
    }

    private final SyncCodec codec = new SyncCodec();
    private final String chain;
    private final Topics topics;

    public StoreMessages(String chain, Topics topics) {
        this.chain = chain;
        this.topics = topics;
    }

    public <T> Received<T> read(String topic, byte[] bytes, MessageSchema schema, Class<T> type)
            throws MalformedMessageException {
        String store = topics.storeOf(topic).orElseThrow(() -> new MalformedMessageException("topic names no store"));
        Envelope<?> envelope = codec.decode(bytes);
        if (envelope.schema() != schema || !chain.equals(envelope.chain()) || !store.equals(envelope.store())) {
            throw new MalformedMessageException("not a " + schema.id() + " of store " + store + " of chain " + chain);
        }
        return new Received<>(store, envelope.payloadAs(type));
    }
}
