package io.chainretail.core.sync.payload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MessageSchema;
import java.io.IOException;

/**
 * Reads a snapshot row straight into its schema's record as the message is parsed. A snapshot is
 * 100,000 rows; reading each into a JSON tree first and converting the tree afterwards was a fifth of a
 * store's work taking one. HQ writes {@code schema} before {@code payload}; a payload that comes first is
 * buffered as tokens until the schema is known.
 */
final class SnapshotItemReader extends StdDeserializer<SnapshotChunk.Item> {

    SnapshotItemReader() {
        super(SnapshotChunk.Item.class);
    }

    @Override
    public SnapshotChunk.Item deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (SnapshotChunk.Item) context.handleUnexpectedToken(SnapshotChunk.Item.class, parser);
        }
        String schema = null;
        FeedRecord payload = null;
        TokenBuffer payloadAhead = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("schema") && schema == null) {
                schema = parser.getValueAsString();
                if (schema == null) {
                    context.reportInputMismatch(this, "snapshot row schema must be a string");
                }
            } else if (name.equals("payload") && payload == null && payloadAhead == null) {
                if (schema != null) {
                    payload = read(parser, context, schema);
                } else {
                    payloadAhead = context.bufferAsCopyOfValue(parser);
                }
            } else {
                context.reportInputMismatch(this, "snapshot row field '%s' is unknown or appears twice", name);
            }
        }
        if (schema == null) {
            context.reportInputMismatch(this, "snapshot row needs its schema");
        }
        if (payloadAhead != null) {
            try (JsonParser buffered = payloadAhead.asParserOnFirstToken()) {
                payload = read(buffered, context, schema);
            }
        }
        if (payload == null) {
            context.reportInputMismatch(this, "snapshot row %s needs its payload", schema);
        }
        return new SnapshotChunk.Item(schema, payload);
    }

    private FeedRecord read(JsonParser parser, DeserializationContext context, String schemaId) throws IOException {
        MessageSchema schema = MessageSchema.byId(schemaId).orElse(null);
        if (schema == null || !FeedRecord.class.isAssignableFrom(schema.payloadType())) {
            context.reportInputMismatch(this, "'%s' is not the schema of a feed row", schemaId);
        }
        if (!parser.isExpectedStartObjectToken()) {
            context.reportInputMismatch(this, "snapshot row payload must be a JSON object");
        }
        return (FeedRecord) context.readValue(parser, schema.payloadType());
    }
}
