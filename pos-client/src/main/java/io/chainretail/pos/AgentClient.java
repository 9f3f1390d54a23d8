package io.chainretail.pos;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls the store agent's till API. A refusal from the agent comes back as an {@link AgentReply}
 * with its status and body, so the cashier sees the agent's own message.
 */
@ApplicationScoped
public class AgentClient {

    /** The agent's answer: HTTP status and JSON body. */
    public record AgentReply(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
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
     * POSTs {@code body} (or nothing) to {@code path} of the agent.
     *
     * @throws AgentUnreachableException when the agent does not answer in time
     */
    public AgentReply post(String path, Object body, String token) {
        return send("POST", path, body, token, null);
    }

    /** POSTs with the lane's key ({@code X-Lane-Key}), as a sign-in at a paired lane does. */
    public AgentReply postAsLane(String path, Object body, String laneKey) {
        return send("POST", path, body, null, laneKey);
    }

    public AgentReply put(String path, Object body, String token) {
        return send("PUT", path, body, token, null);
    }

    public AgentReply get(String path, String token) {
        return send("GET", path, null, token, null);
    }

    public AgentReply delete(String path, String token) {
        return send("DELETE", path, null, token, null);
    }

    private AgentReply send(String method, String path, Object body, String token, String laneKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.agentUrl() + path))
                    .timeout(config.agentTimeout())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (token != null) {
                request.header("X-Till-Token", token);
            }
            if (laneKey != null) {
                request.header("X-Lane-Key", laneKey);
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
