package io.chainretail.core.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Holds an application's OpenAPI document to the one catalogue of refusals ({@link ErrorCode}): every error
 * response of every operation is a {@code Refusal} body listing its codes, and every code the application's own
 * source can refuse with is documented on at least one operation.
 */
public final class RefusalCatalogue {

    private static final Pattern DOCUMENTED = Pattern.compile("`([A-Z_]+)`:");
    private static final Pattern THROWN = Pattern.compile("ErrorCode\\.([A-Z_]+)");

    private RefusalCatalogue() {
    }

    /**
     * Everything wrong with an application's refusal documentation, one line each (empty when nothing is): error
     * responses that are not refusals of the catalogue, and codes its source under {@code sourceRoot} refuses with
     * that no operation documents.
     */
    public static String problems(JsonNode openapi, Path sourceRoot) {
        List<String> problems = new ArrayList<>(undocumented(openapi));
        SortedSet<ErrorCode> missing = thrown(sourceRoot);
        missing.removeAll(documented(openapi));
        missing.forEach(code -> problems.add(code + " is refused somewhere and documented nowhere"));
        return String.join("\n", problems);
    }

    /** Error responses that are not refusals of the catalogue, one line each; empty when all are. */
    public static List<String> undocumented(JsonNode openapi) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : fields(openapi.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : fields(path.getValue())) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                if (operation.getValue().has("x-refuses")) {
                    problems.add(where + " still carries x-refuses");
                }
                for (Map.Entry<String, JsonNode> response : fields(operation.getValue().path("responses"))) {
                    int status = Integer.parseInt(response.getKey().replaceAll("\\D", "0"));
                    if (status >= 400 && status != 401 && status != 403 || (status == 401 || status == 403)
                            && response.getValue().path("description").asText().contains("`")) {
                        checkRefusal(where + " " + status, response.getValue(), status, problems);
                    }
                }
            }
        }
        return problems;
    }

    private static void checkRefusal(String where, JsonNode response, int status, List<String> problems) {
        if (!response.path("content").path("application/json").path("schema").path("$ref").asText()
                .endsWith("/Refusal")) {
            problems.add(where + " is not a Refusal body");
        }
        Matcher codes = DOCUMENTED.matcher(response.path("description").asText());
        boolean any = false;
        while (codes.find()) {
            any = true;
            ErrorCode code = ErrorCode.valueOf(codes.group(1));
            if (code.httpStatus() != status) {
                problems.add(where + " lists " + code + ", which is a " + code.httpStatus());
            }
        }
        if (!any) {
            problems.add(where + " names no code");
        }
    }

    /** Every code documented on some operation of the document. */
    public static SortedSet<ErrorCode> documented(JsonNode openapi) {
        SortedSet<ErrorCode> codes = new TreeSet<>();
        Matcher matcher = DOCUMENTED.matcher(openapi.path("paths").toString());
        while (matcher.find()) {
            codes.add(ErrorCode.valueOf(matcher.group(1)));
        }
        return codes;
    }

    /** Every code the Java source under {@code sourceRoot} refuses with. */
    public static SortedSet<ErrorCode> thrown(Path sourceRoot) {
        SortedSet<ErrorCode> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = THROWN.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(ErrorCode.valueOf(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        return entries;
    }
}
