package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pairs lanes with a store agent as its manager does: the demo manager (9001) signs in to the agent and
 * issues a one-time code for the lane, which a till trades for the lane's key.
 */
public final class Lanes {

    /** Lane keys by agent URL and lane, so each lane of an agent is paired once. */
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private Lanes() {
    }

    /** A one-time pairing code for {@code lane} at the agent, as the manager console shows it. */
    public static String pairingCode(AppProcess agent, String lane) {
        Http.Reply manager = Http.post(agent.url() + "/api/manager/signin", "{\"id\":\"9001\",\"pin\":\"9999\"}");
        assertEquals(200, manager.status(), manager.body().toString());
        Http.Reply code = Http.post(agent.url() + "/api/manager/lanes/" + lane + "/pairing-code", "",
                "Authorization", "Bearer " + manager.body().path("token").asText());
        assertEquals(200, code.status(), code.body().toString());
        return code.body().path("code").asText();
    }

    /** The key of {@code lane} at the agent, pairing the lane the first time it is asked for. */
    public static String key(AppProcess agent, String lane) {
        return KEYS.computeIfAbsent(agent.url() + " " + lane, ignored -> pair(agent, lane));
    }

    /** Pairs the lane afresh (its agent was started on an empty database). */
    public static String pairAgain(AppProcess agent, String lane) {
        String key = pair(agent, lane);
        KEYS.put(agent.url() + " " + lane, key);
        return key;
    }

    private static String pair(AppProcess agent, String lane) {
        Http.Reply paired = Http.post(agent.url() + "/api/till/pair", "{\"lane\":\"" + lane + "\",\"code\":\""
                + pairingCode(agent, lane) + "\"}");
        assertEquals(200, paired.status(), paired.body().toString());
        return paired.body().path("key").asText();
    }
}
