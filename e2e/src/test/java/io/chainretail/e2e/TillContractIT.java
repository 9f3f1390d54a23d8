package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.till.TillCall;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The lane application calls the store agent only through the operations and bodies of the till contract
 * ({@code TillCall}, {@code TillApi} in retail-core); this holds that contract against the API a running store
 * agent publishes: every operation exists with its method, takes a body exactly when the contract sends one, with
 * the same fields (nested ones too), and documents the refusals the lane branches on.
 */
class TillContractIT {

    /** The refusals whose code the lane acts on (the rest it shows the cashier as they come). */
    private static final Map<TillCall, Set<ErrorCode>> BRANCHED_ON = Map.of(
            TillCall.SIGN_IN, Set.of(ErrorCode.LANE_NOT_PAIRED),
            TillCall.OPEN_SALE, Set.of(ErrorCode.NO_SHIFT),
            TillCall.OPEN_SHIFT, Set.of(ErrorCode.SHIFT_ALREADY_OPEN));

    @Test
    void theLanesCallsAreTheAgentsApi() throws Exception {
        try (RetailSystem system = new RetailSystem("till-contract")) {
            system.startHq();
            AppProcess agent = system.startAgent("0001");
            JsonNode openapi = Http.get(agent.url() + "/q/openapi?format=json").body();
            List<String> problems = new ArrayList<>();
            for (TillCall call : TillCall.values()) {
                JsonNode operation = openapi.path("paths").path(call.path()).path(call.method().toLowerCase());
                String where = call + " (" + call.method() + " " + call.path() + ")";
                if (operation.isMissingNode()) {
                    problems.add(where + ": the agent has no such operation");
                    continue;
                }
                JsonNode schema = operation.path("requestBody").path("content").path("application/json")
                        .path("schema");
                if (call.body() == null) {
                    if (operation.has("requestBody")) {
                        problems.add(where + ": the agent takes a body the lane does not send");
                    }
                } else {
                    compare(where, call.body(), schema, openapi, problems);
                }
                String responses = operation.path("responses").toString();
                for (ErrorCode code : BRANCHED_ON.getOrDefault(call, Set.of())) {
                    if (!responses.contains("`" + code.name() + "`")) {
                        problems.add(where + ": the agent does not document " + code + ", which the lane acts on");
                    }
                }
            }
            assertEquals("", String.join("\n", problems));
        }
    }

    /** The record's fields against the schema's properties, and each nested record against its own. */
    private static void compare(String where, Class<?> record, JsonNode schema, JsonNode openapi,
            List<String> problems) {
        JsonNode resolved = resolve(schema, openapi);
        Set<String> published = new TreeSet<>();
        resolved.path("properties").fieldNames().forEachRemaining(published::add);
        Set<String> sent = new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .toList());
        if (!published.equals(sent)) {
            problems.add(where + ": " + record.getSimpleName() + " has " + sent + ", the agent takes " + published);
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = resolved.path("properties").path(component.getName());
            Class<?> nested = recordIn(component.getGenericType());
            if (nested != null) {
                JsonNode nestedSchema = property.has("items") ? property.path("items") : property;
                compare(where + "." + component.getName(), nested, nestedSchema, openapi, problems);
            } else if (component.getType().isEnum()) {
                Set<String> values = new TreeSet<>();
                resolve(property, openapi).path("enum").forEach(value -> values.add(value.asText()));
                Set<String> constants = new TreeSet<>(Arrays.stream(component.getType().getEnumConstants())
                        .map(String::valueOf).toList());
                if (!values.equals(constants)) {
                    problems.add(where + "." + component.getName() + ": the lane sends " + constants
                            + ", the agent takes " + values);
                }
            }
        }
    }

    private static Class<?> recordIn(Type type) {
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return plain;
        }
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                Class<?> found = recordIn(argument);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode openapi) {
        String ref = schema.path("$ref").asText();
        if (ref.isEmpty() && schema.has("allOf")) {
            ref = schema.path("allOf").path(0).path("$ref").asText();
        }
        return ref.isEmpty() ? schema
                : openapi.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
