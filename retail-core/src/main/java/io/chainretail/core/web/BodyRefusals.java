package io.chainretail.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The refusal for a request body that cannot be read, the same in every application: a 400 with a code, the
 * field when there is one, and a sentence. Each application's error mappers answer with these.
 */
public final class BodyRefusals {

    private BodyRefusals() {
    }

    /**
     * A request that breaks a Bean Validation rule: 400 naming the first field (by path, so the same request
     * always names the same one), relative to the body or parameter it is in.
     */
    public static Refusal violated(Set<? extends ConstraintViolation<?>> violations) {
        ConstraintViolation<?> first = violations.stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElse(null);
        if (first == null) {
            return Refusal.of(ErrorCode.INVALID_FIELD, null, "The request is not valid.");
        }
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : first.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                nodes.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            } else if (node.getKind() == ElementKind.PARAMETER) {
                nodes.clear(); // the field is named within its parameter: "lane", not "signIn.request.lane"
                nodes.add(node.getName());
            }
        }
        if (nodes.size() > 1) {
            nodes.remove(0); // the parameter itself, when the rule is on one of its fields
        }
        return Refusal.of(ErrorCode.INVALID_FIELD, String.join(".", nodes), first.getMessage());
    }

    /** No body, or {@code null}, where the operation needs one. */
    public static Refusal required() {
        return Refusal.of(ErrorCode.BODY_REQUIRED, null, "This request needs a JSON body.");
    }

    /**
     * A body Jackson could not read: if a record refused a value, its field is named with the path to the
     * record (e.g. {@code schedule.to}); otherwise the path of the bad value is; malformed JSON says where.
     */
    public static Refusal unreadable(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidField invalid) {
                String field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
                return Refusal.of(ErrorCode.INVALID_FIELD, field, invalid.reason());
            }
        }
        String message = e.getOriginalMessage();
        return Refusal.of(e instanceof JsonMappingException ? ErrorCode.UNREADABLE_BODY : ErrorCode.MALFORMED_JSON,
                path.isEmpty() ? null : path, message == null ? "the body is not the JSON this endpoint takes"
                        : message.lines().findFirst().orElse(message));
    }
}
