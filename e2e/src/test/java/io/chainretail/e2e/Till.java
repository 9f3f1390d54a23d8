package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A lane driving the store agent's till API directly, as pos-client does: paired with the agent
 * ({@link Lanes}), signed in, then with its session token.
 */
public final class Till {

    public static final String TOKEN = "X-Till-Token";

    private final String agent;
    private final String token;

    public Till(AppProcess agent, String lane, String cashier, String pin) {
        this.agent = agent.url();
        String signIn = "{\"cashier\":\"" + cashier + "\",\"pin\":\"" + pin + "\",\"lane\":\"" + lane + "\"}";
        Http.Reply reply = Http.post(this.agent + "/api/till/signin", signIn, "X-Lane-Key", Lanes.key(agent, lane));
        if (reply.status() == 401 && "LANE_NOT_PAIRED".equals(reply.body().path("code").asText())) {
            // A new agent on a fresh database at the same address: pair the lane there.
            reply = Http.post(this.agent + "/api/till/signin", signIn, "X-Lane-Key", Lanes.pairAgain(agent, lane));
        }
        assertEquals(200, reply.status(), reply.body().toString());
        this.token = reply.body().path("token").asText();
    }

    /** The session token a till sends in {@link #TOKEN} with each request. */
    public String token() {
        return token;
    }

    public JsonNode post(String path, String json) {
        return send(path, json).body();
    }

    /** Posts and returns the whole reply, headers included; anything but 200 fails. */
    public Http.Reply send(String path, String json) {
        Http.Reply reply = Http.post(agent + path, json, TOKEN, token);
        assertEquals(200, reply.status(), path + " " + json + ": " + reply.body());
        return reply;
    }

    /** Posts what the agent must refuse; answers the refusal's code. */
    public String refused(String path, String json) {
        Http.Reply reply = Http.post(agent + path, json, TOKEN, token);
        assertTrue(reply.status() >= 400 && reply.status() < 500, path + " " + json + ": " + reply.body());
        return reply.body().path("code").asText();
    }

    public JsonNode put(String path, String json) {
        Http.Reply reply = Http.put(agent + path, json, TOKEN, token);
        assertEquals(200, reply.status(), path + ": " + reply.body());
        return reply.body();
    }

    public JsonNode get(String path) {
        Http.Reply reply = Http.get(agent + path, TOKEN, token);
        assertEquals(200, reply.status(), path + ": " + reply.body());
        return reply.body();
    }

    public String openSale() {
        return post("/api/till/sales", "").path("saleId").asText();
    }

    public JsonNode scan(String sale, String code, int quantity) {
        return post("/api/till/sales/" + sale + "/lines", "{\"code\":\"" + code + "\",\"quantity\":" + quantity + "}");
    }
}
