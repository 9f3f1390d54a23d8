package io.chainretail.core.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Readers of a value in the middle of a message, which a root-level read would call trailing tokens. */
    private final ObjectReader treeReader = mapper.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<MessageSchema, ObjectReader> payloadReaders = new ConcurrentHashMap<>();

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
            MessageSchema schema = schemaOf(event.schema());
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
        MessageSchema schema = schemaOf(schemaId);
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

    /**
     * Decodes a message and checks every envelope rule; the payload is validated by its record. The
     * message is read in one pass: when {@code schema} comes before {@code payload}, as {@link #encode}
     * writes it, the payload is read straight into its record instead of through a tree first (half the
     * work for a batch of events or a snapshot chunk); in any other order it still decodes.
     */
    public Envelope<?> decode(byte[] bytes) throws MalformedMessageException {
        ObjectNode head = mapper.createObjectNode();
        MessageSchema schema = null;
        Object payload = null;
        JsonNode payloadTree = null;
        Set<String> seen = new HashSet<>();
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                if (!ENVELOPE_FIELDS.contains(name)) {
                    throw new MalformedMessageException("unknown envelope field '" + name + "'");
                }
                if (!seen.add(name)) {
                    // A second value would silently replace the first; which one the sender meant is unknowable.
                    throw new MalformedMessageException("envelope field '" + name + "' appears twice");
                }
                if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("payload") && schema != null) {
                    payload = readPayload(parser, schema);
                } else if (name.equals("payload")) {
                    payloadTree = treeReader.readValue(parser);
                } else {
                    head.set(name, treeReader.readValue(parser));
                    if (name.equals("schema")) {
                        schema = schemaOf(text(head, "schema", true));
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MalformedMessageException("not a JSON object");
            }
        } catch (IOException e) {
            throw new MalformedMessageException("not JSON: " + rootMessage(e), e);
        }
        if (schema == null) {
            schema = schemaOf(text(head, "schema", true));
        }
        UUID id = uuid(text(head, "id", true));
        String chain = text(head, "chain", true);
        String store = text(head, "store", false);
        Long seq = positiveLong(head, "seq");
        Long position = positiveLong(head, "position");
        String schemaId = schema.id();
        switch (schema.direction()) {
            case DOWNLINK -> require(seq != null && position == null, schemaId + " needs seq and no position");
            case UPLINK -> require(position != null && seq == null && store != null,
                    schemaId + " needs store and position, and no seq");
            default -> require(seq == null && position == null, schemaId + " carries neither seq nor position");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(head, "occurredAt", true));
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("occurredAt is not a UTC instant like 2026-01-31T09:00:00Z");
        }
        if (payload == null) {
            if (payloadTree == null || !payloadTree.isObject()) {
                throw new MalformedMessageException("payload must be a JSON object");
            }
            payload = treePayload(payloadTree, schema);
        }
        return new Envelope<>(schema, id, chain, store, seq, position, occurredAt, payload);
    }

    private static MessageSchema schemaOf(String schemaId) throws MalformedMessageException {
        return MessageSchema.byId(schemaId)
                .orElseThrow(() -> new MalformedMessageException("unknown schema '" + schemaId + "'"));
    }

    /** Reads the payload object the parser is at, leaving the parser on its closing brace. */
    private Object readPayload(JsonParser parser, MessageSchema schema) throws MalformedMessageException {
        try {
            return payloadReaders.computeIfAbsent(schema, s -> mapper.readerFor(s.payloadType())
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).readValue(parser);
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException(schema.id() + " payload is invalid: " + rootMessage(e), e);
        }
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
