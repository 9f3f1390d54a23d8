package io.chainretail.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.till.TillApi;
import io.chainretail.core.till.TillCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * Calls the store agent's till API, only through the operations of the contract ({@link TillCall}) with the
 * bodies it defines ({@link TillApi}). A refusal from the agent comes back as an {@link AgentReply} with its
 * status and body, so the cashier sees the agent's own message, and its code as a type.
 */
@ApplicationScoped
public class AgentClient {

    /** The agent's answer: HTTP status and JSON body. */
    public record AgentReply(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The code of the agent's refusal, or empty when it did not refuse (or sent a code this build lacks). */
        public Optional<ErrorCode> refusal() {
            String code = ok() ? "" : body.path("code").asText();
            return Arrays.stream(ErrorCode.values()).filter(known -> known.name().equals(code)).findFirst();
        }

        public boolean refusedWith(ErrorCode code) {
            return refusal().filter(code::equals).isPresent();
        }

        /** The agent's answer passed on to the page as it is: its refusals are already in words. */
        public Response relayed() {
            return Response.status(status).entity(body).type("application/json").build();
        }
    }

    private final PosConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public AgentClient(PosConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.agentTimeout()).build();
    }

    /**
     * Calls {@code call} with the cashier's session {@code token} (or none), its body (or {@code null} where it
     * takes none) and its path parameters in order.
     *
     * @throws AgentUnreachableException when the agent does not answer in time
     */
    public AgentReply call(TillCall call, Record body, String token, Object... pathParameters) {
        return send(call, call.path(pathParameters), body, token, null);
    }

    /** Calls {@code call} with a query string, e.g. {@code q=rice} (already encoded). */
    public AgentReply query(TillCall call, String query, String token) {
        return send(call, call.path() + "?" + query, null, token, null);
    }

    /** Calls with the lane's key ({@value TillApi#LANE_KEY_HEADER}), as a sign-in at a paired lane does. */
    public AgentReply callAsLane(TillCall call, Record body, String laneKey) {
        return send(call, call.path(), body, null, laneKey);
    }

    private AgentReply send(TillCall call, String path, Record body, String token, String laneKey) {
        if (call.body() == null ? body != null : !call.body().isInstance(body)) {
            throw new IllegalArgumentException(call + " takes " + call.body() + ", not " + body);
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.agentUrl() + path))
                    .timeout(config.agentTimeout())
                    .header("Content-Type", "application/json")
                    .method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (token != null) {
                request.header(TillApi.TOKEN_HEADER, token);
            }
            if (laneKey != null) {
                request.header(TillApi.LANE_KEY_HEADER, laneKey);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode parsed = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
            return new AgentReply(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new AgentUnreachableException(config.agentUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentUnreachableException(config.agentUrl(), e);
        }
    }

    /** The store agent did not answer. */
    public static class AgentUnreachableException extends RuntimeException {
        public AgentUnreachableException(String url, Throwable cause) {
            super("The store server at " + url + " is not answering. Check its network cable or call the "
                    + "store manager.", cause);
        }
    }
}
