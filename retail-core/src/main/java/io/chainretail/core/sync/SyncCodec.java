package io.chainretail.core.sync;

import com.fasterxml.jackson.core.JsonGenerator;
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
import io.chainretail.core.error.RootCause;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.SyncDeltas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
    private static final Set<String> BATCH_EVENT_FIELDS = Set.of("schema", "id", "position", "occurredAt");

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

    /**
     * Writes a message; the payload is written straight from its record (a snapshot chunk's 1,000 rows
     * went through a JSON tree first, twice the work).
     */
    public byte[] encode(Envelope<?> envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator out = mapper.createGenerator(bytes)) {
            out.writeStartObject();
            writeHead(out, envelope.schema(), envelope.id(), envelope.chain(), envelope.store());
            if (envelope.seq() != null) {
                out.writeNumberField("seq", envelope.seq());
            }
            if (envelope.position() != null) {
                out.writeNumberField("position", envelope.position());
            }
            out.writeStringField("occurredAt", envelope.occurredAt().toString());
            out.writeFieldName("payload");
            mapper.writeValue(out, envelope.payload());
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + envelope.schema().id(), e);
        }
        return bytes.toByteArray();
    }

    /** A journal event as the store keeps it: its payload is the JSON text {@link #payloadJson} wrote. */
    public record StoredEvent(MessageSchema schema, UUID id, long position, Instant occurredAt, String payloadJson) {
    }

    /**
     * A store's uplink message for stored events: one event alone as the message {@link #encode} would
     * write for it, several as one {@code up.batch.v1}. Each payload goes in as the text it was stored
     * as, not read back into its record and written again: that was most of the work of sending a sale.
     */
    public byte[] encodeUplink(String chain, String store, List<StoredEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events to send");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + events.size() * 2048);
        try (JsonGenerator out = mapper.createGenerator(bytes)) {
            out.writeStartObject();
            if (events.size() == 1) {
                StoredEvent event = events.get(0);
                writeHead(out, event.schema(), event.id(), chain, store);
                out.writeNumberField("position", event.position());
                out.writeStringField("occurredAt", event.occurredAt().toString());
                out.writeFieldName("payload");
                out.writeRawValue(event.payloadJson());
            } else {
                writeHead(out, MessageSchema.UPLINK_BATCH, EventIds.next(), chain, store);
                out.writeStringField("occurredAt", Instant.now().toString());
                out.writeObjectFieldStart("payload");
                out.writeArrayFieldStart("events");
                for (StoredEvent event : events) {
                    out.writeStartObject();
                    out.writeStringField("schema", event.schema().id());
                    out.writeStringField("id", event.id().toString());
                    out.writeNumberField("position", event.position());
                    out.writeStringField("occurredAt", event.occurredAt().toString());
                    out.writeFieldName("payload");
                    out.writeRawValue(event.payloadJson());
                    out.writeEndObject();
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the uplink of store " + store, e);
        }
        return bytes.toByteArray();
    }

    /** The fields every message starts with; {@code store} only on a message from or to one store. */
    private static void writeHead(JsonGenerator out, MessageSchema schema, UUID id, String chain, String store)
            throws IOException {
        out.writeStringField("schema", schema.id());
        out.writeStringField("id", id.toString());
        out.writeStringField("chain", chain);
        if (store != null) {
            out.writeStringField("store", store);
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
                    + RootCause.message(e), e);
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

    /** A snapshot row's record; it must belong to the snapshot's feed and not be a removal. */
    public FeedRecord snapshotRow(String feed, SnapshotChunk.Item item) throws MalformedMessageException {
        feedSchema(feed, item.schema());
        FeedRecord row = item.payload();
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
            throw new MalformedMessageException(schema.id() + " payload is invalid: " + RootCause.message(e), e);
        }
    }

    /**
     * Decodes a message and checks every envelope rule; the payload is validated by its record. Fields may
     * come in any order: the payload is first only located, then read straight into its schema's record.
     */
    public Envelope<?> decode(byte[] bytes) throws MalformedMessageException {
        Head head = head(bytes, true);
        return head.envelope(head.record(bytes));
    }

    /** An uplink event as decoded, with its payload's JSON text exactly as the store sent it, for storing. */
    public record UplinkEvent(Envelope<?> envelope, String payloadJson) {
    }

    /**
     * An uplink event whose envelope is sound (so it is known by its id, store and position) but whose
     * payload cannot be read into its record: a field missing, of the wrong type, over its length, or
     * breaking its record's rules. HQ cannot store it and keeps it aside (its quarantine) with the reason.
     */
    public record RefusedEvent(MessageSchema schema, UUID id, String store, long position, Instant occurredAt,
            String payloadJson, String reason) {
    }

    /** The events of one uplink message: those that can be stored, and those refused for their payload. */
    public record UplinkMessage(String chain, List<UplinkEvent> events, List<RefusedEvent> refused) {

        /** How many events the message carried. */
        public int size() {
            return events.size() + refused.size();
        }
    }

    /**
     * The events of an uplink message: the one event it is, or each event of an {@code up.batch.v1} with
     * the batch's chain and store. A message whose envelope, or any of whose events' envelopes, breaks a
     * rule is rejected whole; an event whose envelope is sound but whose payload is not is returned as
     * {@link RefusedEvent}, beside the others. A batch is read in one pass, each event's payload straight
     * into its record and kept as the text it came in: a store's backlog arrives as batches, and reading
     * them through a tree first, then writing every payload again for storing, was two thirds of HQ's
     * decoding.
     */
    public UplinkMessage decodeUplink(byte[] bytes) throws MalformedMessageException {
        Head head = head(bytes, false);
        if (head.schema != MessageSchema.UPLINK_BATCH) {
            require(head.schema.direction() == Direction.UPLINK, head.schema.id() + " is not an uplink event");
            try {
                return new UplinkMessage(head.chain, List.of(new UplinkEvent(head.envelope(head.record(bytes)),
                        head.payloadText(bytes))), List.of());
            } catch (MalformedMessageException e) {
                return new UplinkMessage(head.chain, List.of(), List.of(new RefusedEvent(head.schema, head.id,
                        head.store, head.position, head.occurredAt, head.payloadText(bytes), e.getMessage())));
            }
        }
        require(head.store != null, "up.batch.v1 needs the store it comes from");
        try {
            return batchEvents(bytes, head, true);
        } catch (PayloadNotReadInPass e) {
            // A payload failed while the batch was read in one pass, which leaves the parser inside it: read
            // the batch again, locating each payload first, so that the bad one is refused and the rest kept.
            return batchEvents(bytes, head, false);
        }
    }

    private UplinkMessage batchEvents(byte[] bytes, Head head, boolean inPass) throws MalformedMessageException {
        List<UplinkEvent> events = new ArrayList<>();
        List<RefusedEvent> refused = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(bytes, head.payloadStart, head.payloadLength)) {
            parser.nextToken();
            expectField(parser, "events");
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedMessageException("up.batch.v1 payload is invalid: events must be an array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                batchEvent(parser, bytes, head, inPass, events, refused);
            }
            require(parser.currentToken() == JsonToken.END_ARRAY && parser.nextToken() == JsonToken.END_OBJECT,
                    "up.batch.v1 payload is invalid: events must hold only event objects");
        } catch (IOException e) {
            throw new MalformedMessageException("up.batch.v1 payload is invalid: " + RootCause.message(e), e);
        }
        require(!events.isEmpty() || !refused.isEmpty(), "up.batch.v1 payload is invalid: a batch carries at least"
                + " one event");
        return new UplinkMessage(head.chain, events, refused);
    }

    /** A payload that failed while read in the batch's one pass; the batch is read again the slow way. */
    private static final class PayloadNotReadInPass extends RuntimeException {

        PayloadNotReadInPass() {
            super(null, null, false, false);
        }
    }

    /** One event of a batch, the parser (over the batch's payload) on the event's opening brace. */
    private void batchEvent(JsonParser parser, byte[] bytes, Head batch, boolean inPass, List<UplinkEvent> events,
            List<RefusedEvent> refused) throws IOException, MalformedMessageException {
        ObjectNode fields = mapper.createObjectNode();
        int payloadStart = -1;
        int payloadEnd = -1;
        Object payload = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            require(!fields.has(name) && !(name.equals("payload") && payloadStart >= 0),
                    "batch event field '" + name + "' appears twice");
            if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("payload")) {
                payloadStart = batch.payloadStart + (int) parser.currentTokenLocation().getByteOffset();
                // Stores write the schema first: then the payload is read in the same pass. Otherwise it is
                // skipped here and read once the schema is known.
                MessageSchema schema = inPass && fields.has("schema") ? uplinkSchema(fields) : null;
                if (schema != null) {
                    try {
                        payload = readPayload(parser, schema);
                    } catch (MalformedMessageException e) {
                        throw new PayloadNotReadInPass();
                    }
                } else {
                    parser.skipChildren();
                }
                payloadEnd = batch.payloadStart + endOffset(parser);
            } else if (BATCH_EVENT_FIELDS.contains(name)) {
                fields.set(name, treeReader.readValue(parser));
            } else {
                throw new MalformedMessageException(name.equals("payload") ? "batch event payload must be a JSON object"
                        : "unknown batch event field '" + name + "'");
            }
        }
        MessageSchema schema = uplinkSchema(fields);
        require(payloadStart >= 0, "batch event payload must be a JSON object");
        Long position = positiveLong(fields, "position");
        require(position != null, "batch event position must be a positive integer");
        UUID id = uuid(text(fields, "id", true));
        Instant occurredAt = instant(text(fields, "occurredAt", true));
        String payloadJson = new String(bytes, payloadStart, payloadEnd - payloadStart, StandardCharsets.UTF_8);
        if (payload == null) {
            try {
                payload = readPayload(bytes, payloadStart, payloadEnd - payloadStart, schema);
            } catch (MalformedMessageException e) {
                refused.add(new RefusedEvent(schema, id, batch.store, position, occurredAt, payloadJson,
                        e.getMessage()));
                return;
            }
        }
        events.add(new UplinkEvent(new Envelope<>(schema, id, batch.chain, batch.store, null, position, occurredAt,
                payload), payloadJson));
    }

    /**
     * Reads a refused event's payload again (after a fix, or as an operator replays it): the event as
     * decoded, or the reason it still cannot be read.
     */
    public UplinkEvent readRefused(String chain, RefusedEvent event) throws MalformedMessageException {
        byte[] payload = event.payloadJson().getBytes(StandardCharsets.UTF_8);
        return new UplinkEvent(new Envelope<>(event.schema(), event.id(), chain, event.store(), null,
                event.position(), event.occurredAt(), readPayload(payload, 0, payload.length, event.schema())),
                event.payloadJson());
    }

    /** The schema a batch event names, which must be an uplink event's. */
    private static MessageSchema uplinkSchema(ObjectNode fields) throws MalformedMessageException {
        MessageSchema schema = schemaOf(text(fields, "schema", true));
        require(schema.direction() == Direction.UPLINK, schema.id() + " is not an uplink event");
        return schema;
    }

    private static void expectField(JsonParser parser, String name) throws IOException, MalformedMessageException {
        if (parser.nextToken() != JsonToken.FIELD_NAME || !name.equals(parser.currentName())) {
            throw new MalformedMessageException("up.batch.v1 payload is invalid: it holds only '" + name + "'");
        }
    }

    /**
     * A message's envelope fields, checked, and where its payload object lies in the message's bytes.
     * Built by {@link #head}; the payload is read from the located bytes once the schema is known.
     */
    private final class Head {
        MessageSchema schema;
        UUID id;
        String chain;
        String store;
        Long seq;
        Long position;
        Instant occurredAt;
        int payloadStart;
        int payloadLength;
        /** The payload's record when it was read as the message was parsed, else null. */
        Object payload;

        Object record(byte[] bytes) throws MalformedMessageException {
            return payload != null ? payload : readPayload(bytes, payloadStart, payloadLength, schema);
        }

        String payloadText(byte[] bytes) {
            return new String(bytes, payloadStart, payloadLength, StandardCharsets.UTF_8);
        }

        Envelope<?> envelope(Object payload) {
            return new Envelope<>(schema, id, chain, store, seq, position, occurredAt, payload);
        }
    }

    /**
     * Reads the envelope and locates the payload. With {@code readPayload}, a payload that comes after
     * {@code schema} (as {@link #encode} writes it) is read into its record in the same pass; otherwise it
     * is only located, and read from its bytes once the schema is known.
     */
    private Head head(byte[] bytes, boolean readPayload) throws MalformedMessageException {
        ObjectNode fields = mapper.createObjectNode();
        Head head = new Head();
        head.payloadStart = -1;
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                if (!ENVELOPE_FIELDS.contains(name)) {
                    throw new MalformedMessageException("unknown envelope field '" + name + "'");
                }
                if (fields.has(name) || name.equals("payload") && head.payloadStart >= 0) {
                    // A second value would silently replace the first; which one the sender meant is unknowable.
                    throw new MalformedMessageException("envelope field '" + name + "' appears twice");
                }
                boolean object = parser.nextToken() == JsonToken.START_OBJECT;
                if (name.equals("payload")) {
                    require(object, "payload must be a JSON object");
                    head.payloadStart = (int) parser.currentTokenLocation().getByteOffset();
                    if (readPayload && fields.has("schema")) {
                        head.payload = readPayload(parser, schemaOf(text(fields, "schema", true)));
                    } else {
                        parser.skipChildren();
                    }
                    head.payloadLength = endOffset(parser) - head.payloadStart;
                } else {
                    fields.set(name, treeReader.readValue(parser));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MalformedMessageException("not a JSON object");
            }
        } catch (IOException e) {
            throw new MalformedMessageException("not JSON: " + RootCause.message(e), e);
        }
        head.schema = schemaOf(text(fields, "schema", true));
        head.id = uuid(text(fields, "id", true));
        head.chain = text(fields, "chain", true);
        head.store = text(fields, "store", false);
        head.seq = positiveLong(fields, "seq");
        head.position = positiveLong(fields, "position");
        String schemaId = head.schema.id();
        switch (head.schema.direction()) {
            case DOWNLINK -> require(head.seq != null && head.position == null,
                    schemaId + " needs seq and no position");
            case UPLINK -> require(head.position != null && head.seq == null && head.store != null,
                    schemaId + " needs store and position, and no seq");
            default -> require(head.seq == null && head.position == null,
                    schemaId + " carries neither seq nor position");
        }
        head.occurredAt = instant(text(fields, "occurredAt", true));
        require(head.payloadStart >= 0, "payload must be a JSON object");
        return head;
    }

    private static MessageSchema schemaOf(String schemaId) throws MalformedMessageException {
        return MessageSchema.byId(schemaId)
                .orElseThrow(() -> new MalformedMessageException("unknown schema '" + schemaId + "'"));
    }

    /** Reads a payload object from its bytes in a message into the schema's record. */
    private Object readPayload(byte[] bytes, int start, int length, MessageSchema schema)
            throws MalformedMessageException {
        try {
            return payloadReader(schema).readValue(bytes, start, length);
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException(schema.id() + " payload is invalid: " + RootCause.message(e), e);
        }
    }

    /** Reads the payload object the parser is on into the schema's record, leaving it on the closing brace. */
    private Object readPayload(JsonParser parser, MessageSchema schema) throws MalformedMessageException {
        try {
            return payloadReader(schema).readValue(parser);
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException(schema.id() + " payload is invalid: " + RootCause.message(e), e);
        }
    }

    /** A payload is read from exactly its own bytes, or from the middle of a message: nothing trails it. */
    private ObjectReader payloadReader(MessageSchema schema) {
        return payloadReaders.computeIfAbsent(schema, s -> mapper.readerFor(s.payloadType())
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    /** Where the value the parser has just finished ends, in its input. */
    private static int endOffset(JsonParser parser) {
        return (int) parser.currentLocation().getByteOffset();
    }

    private static Instant instant(String text) throws MalformedMessageException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("occurredAt is not a UTC instant like 2026-01-31T09:00:00Z");
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
}
