package io.chainretail.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.SyncDeltas;
import io.chainretail.core.sync.payload.UplinkBatch;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Encodes and strictly decodes sync messages. Decoding either returns a complete, valid envelope or
 * throws {@link MalformedMessageException} with the reason; nothing is ever half-read.
 */
public final class SyncCodec {

    private static final Set<String> ENVELOPE_FIELDS =
            Set.of("schema", "id", "chain", "store", "seq", "position", "occurredAt", "payload");

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            // Optional fields may be null; every record checks its required ones itself.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public byte[] encode(Envelope<?> envelope) {
        ObjectNode node = mapper.createObjectNode();
        node.put("schema", envelope.schema().id());
        node.put("id", envelope.id().toString());
        node.put("chain", envelope.chain());
        if (envelope.store() != null) {
            node.put("store", envelope.store());
        }
        if (envelope.seq() != null) {
            node.put("seq", envelope.seq());
        }
        if (envelope.position() != null) {
            node.put("position", envelope.position());
        }
        node.put("occurredAt", envelope.occurredAt().toString());
        node.set("payload", mapper.valueToTree(envelope.payload()));
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope.schema().id(), e);
        }
    }

    /** Just the payload as JSON text, for storing in an outbox or journal column. */
    public String payloadJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + payload.getClass().getName(), e);
        }
    }

    /** Reads a payload stored by {@link #payloadJson}, with the same strictness as a message. */
    public <T> T readPayload(String json, Class<T> type) throws MalformedMessageException {
        try {
            return mapper.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException("payload is not a valid " + type.getSimpleName() + ": "
                    + rootMessage(e), e);
        }
    }

    /** A payload as a JSON tree, for batching deltas or snapshot rows into one message. */
    public JsonNode payloadTree(Object payload) {
        return mapper.valueToTree(payload);
    }

    /**
     * The deltas of a {@code sync.deltas.v1} reply as the envelopes the feed topic carried. Every delta must
     * be a valid delta of the reply's feed, or the whole reply is rejected.
     */
    public List<Envelope<?>> unpack(String chain, SyncDeltas reply) throws MalformedMessageException {
        List<Envelope<?>> deltas = new ArrayList<>(reply.deltas().size());
        for (SyncDeltas.Delta delta : reply.deltas()) {
            MessageSchema schema = feedSchema(reply.feed(), delta.schema());
            deltas.add(new Envelope<>(schema, delta.id(), chain, null, delta.seq(), null, delta.occurredAt(),
                    treePayload(delta.payload(), schema)));
        }
        return deltas;
    }

    /**
     * The events of an {@code up.batch.v1} message as the envelopes they would travel in alone, each
     * with the batch's chain and store. Every event must be a valid uplink event, or the whole batch is
     * rejected.
     */
    public List<Envelope<?>> unpack(String chain, String store, UplinkBatch batch) throws MalformedMessageException {
        List<Envelope<?>> events = new ArrayList<>(batch.events().size());
        for (UplinkBatch.Event event : batch.events()) {
            MessageSchema schema = MessageSchema.byId(event.schema())
                    .orElseThrow(() -> new MalformedMessageException("unknown schema '" + event.schema() + "'"));
            if (schema.direction() != Direction.UPLINK) {
                throw new MalformedMessageException(event.schema() + " is not an uplink event");
            }
            events.add(new Envelope<>(schema, event.id(), chain, store, null, event.position(), event.occurredAt(),
                    treePayload(event.payload(), schema)));
        }
        return events;
    }

    /** A snapshot row as its typed record; it must belong to the snapshot's feed and not be a removal. */
    public FeedRecord snapshotRow(String feed, SnapshotChunk.Item item) throws MalformedMessageException {
        MessageSchema schema = feedSchema(feed, item.schema());
        FeedRecord row = (FeedRecord) treePayload(item.payload(), schema);
        if (row.removed()) {
            throw new MalformedMessageException("a snapshot holds no removals: " + item.schema() + " " + row.key());
        }
        return row;
    }

    private static MessageSchema feedSchema(String feed, String schemaId) throws MalformedMessageException {
        MessageSchema schema = MessageSchema.byId(schemaId)
                .orElseThrow(() -> new MalformedMessageException("unknown schema '" + schemaId + "'"));
        if (schema.direction() != Direction.DOWNLINK || !Feeds.of(schema).equals(feed)) {
            throw new MalformedMessageException(schemaId + " is not a delta of feed " + feed);
        }
        return schema;
    }

    private Object treePayload(JsonNode node, MessageSchema schema) throws MalformedMessageException {
        try {
            return mapper.treeToValue(node, schema.payloadType());
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException(schema.id() + " payload is invalid: " + rootMessage(e), e);
        }
    }

    /** Decodes a message and checks every envelope rule; the payload is validated by its record. */
    public Envelope<?> decode(byte[] bytes) throws MalformedMessageException {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedMessageException("not JSON: " + rootMessage(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedMessageException("not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE_FIELDS.contains(name)) {
                throw new MalformedMessageException("unknown envelope field '" + name + "'");
            }
        }
        String schemaId = text(root, "schema", true);
        MessageSchema schema = MessageSchema.byId(schemaId)
                .orElseThrow(() -> new MalformedMessageException("unknown schema '" + schemaId + "'"));
        UUID id = uuid(text(root, "id", true));
        String chain = text(root, "chain", true);
        String store = text(root, "store", false);
        Long seq = positiveLong(root, "seq");
        Long position = positiveLong(root, "position");
        switch (schema.direction()) {
            case DOWNLINK -> require(seq != null && position == null, schemaId + " needs seq and no position");
            case UPLINK -> require(position != null && seq == null && store != null,
                    schemaId + " needs store and position, and no seq");
            default -> require(seq == null && position == null, schemaId + " carries neither seq nor position");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(root, "occurredAt", true));
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("occurredAt is not a UTC instant like 2026-01-31T09:00:00Z");
        }
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new MalformedMessageException("payload must be a JSON object");
        }
        Object payload = treePayload(payloadNode, schema);
        return new Envelope<>(schema, id, chain, store, seq, position, occurredAt, payload);
    }

    private static String text(JsonNode root, String field, boolean required) throws MalformedMessageException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedMessageException("missing " + field);
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new MalformedMessageException(field + " must be a non-empty string");
        }
        return node.asText();
    }

    private static Long positiveLong(JsonNode root, String field) throws MalformedMessageException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
            throw new MalformedMessageException(field + " must be a positive integer");
        }
        return node.asLong();
    }

    private static UUID uuid(String text) throws MalformedMessageException {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("id is not a UUID");
        }
    }

    private static void require(boolean condition, String reason) throws MalformedMessageException {
        if (!condition) {
            throw new MalformedMessageException(reason);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
