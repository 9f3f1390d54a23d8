package io.chainretail.core.web;

import io.chainretail.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes each operation's refusals into the OpenAPI document from the one catalogue ({@link ErrorCode}): an
 * endpoint names the codes it can answer with in an {@code x-refuses} extension, e.g.
 * {@code @Extension(name = Refuses.EXTENSION, value = "NO_SHIFT UNKNOWN_BARCODE")}, and this filter turns
 * them into one response per HTTP status, each code listed with its sentence, all with the {@code Refusal}
 * body. Every operation that takes a body also refuses a malformed one, and one with parameters a bad one. A
 * code the catalogue does not hold fails the build, so the documentation cannot name a refusal that does not
 * exist.
 * Registered in each application with {@code mp.openapi.filter}.
 */
public class RefusalDocs implements OASFilter {

    /** The body-reading refusals of every operation that takes a request body. */
    static final List<ErrorCode> BODY = List.of(ErrorCode.BODY_REQUIRED, ErrorCode.MALFORMED_JSON,
            ErrorCode.UNREADABLE_BODY, ErrorCode.INVALID_FIELD);

    @Override
    public Operation filterOperation(Operation operation) {
        Set<ErrorCode> codes = new LinkedHashSet<>();
        Object named = operation.getExtensions() == null ? null : operation.getExtensions().get(Refuses.EXTENSION);
        if (named != null) {
            codes.addAll(Refuses.parse(named.toString()));
            operation.removeExtension(Refuses.EXTENSION);
        }
        if (operation.getRequestBody() != null) {
            codes.addAll(BODY);
        } else if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            codes.add(ErrorCode.INVALID_FIELD); // a parameter that breaks its rule
        }
        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>(codes.stream()
                .collect(Collectors.groupingBy(ErrorCode::httpStatus, Collectors.toList())));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        byStatus.forEach((status, refusals) -> responses.addAPIResponse(String.valueOf(status),
                OASFactory.createAPIResponse().description(describe(refusals)).content(refusalContent())));
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Refusal", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Why a request was refused; nothing was changed.")
                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(new ArrayList<>(Arrays.stream(ErrorCode.values()).map(Enum::name).toList()))
                        .description("What a client branches on; each operation lists the ones it answers with."))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The request field at fault, e.g. barcodes[1], when there is one."))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("A sentence for the person at the screen."))
                .required(List.of("code", "message")));
    }

    private static String describe(List<ErrorCode> refusals) {
        return refusals.stream().map(code -> "`" + code.name() + "`: " + code.sentence())
                .collect(Collectors.joining("\n\n"));
    }

    private static Content refusalContent() {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Refusal")));
    }
}
