package io.chainretail.pos;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this lane holds between requests: the cashier's session at the store agent and the browser it
 * belongs to, the open sale, the last receipt. Each change of the sale is shown on the customer's screen.
 */
@ApplicationScoped
public class LaneState {

    private final CustomerScreen screen;

    private String token;
    private String cashier;
    /** {@link BrowserSession#hash} of the signed-in browser's cookie. */
    private String browserSession;
    private JsonNode sale;
    private JsonNode lastCompleted;

    public LaneState(CustomerScreen screen) {
        this.screen = screen;
    }

    /** A cashier signed in from the browser holding {@code session}; any other browser's session ends. */
    public synchronized void signedIn(String newToken, String newCashier, String session) {
        token = newToken;
        cashier = newCashier;
        browserSession = BrowserSession.hash(session);
    }

    public synchronized void signedOut() {
        token = null;
        cashier = null;
        sale = null;
        browserSession = null;
        lastCompleted = null;
        screen.idle();
    }

    /** Whether {@code session} (a browser's cookie, or null) is the signed-in browser's. */
    public synchronized boolean heldBy(String session) {
        return token != null && session != null && Secrets.same(browserSession, BrowserSession.hash(session));
    }

    public synchronized String token() {
        return token;
    }

    public synchronized String saleId() {
        return sale == null ? null : sale.path("saleId").asText();
    }

    public synchronized void saleOpened(JsonNode opened) {
        sale = opened;
        screen.sale(opened);
    }

    public synchronized void saleChanged(JsonNode changed) {
        sale = changed;
        screen.sale(changed);
    }

    public synchronized void saleCompleted(JsonNode completed) {
        sale = null;
        lastCompleted = completed;
        screen.paid(completed);
    }

    public synchronized void saleSuspended() {
        sale = null;
        screen.idle();
    }

    /** A refund slip is shown like a receipt: the last thing the lane printed. */
    public synchronized void refunded(JsonNode refund) {
        lastCompleted = refund;
    }

    /** What {@code session}'s browser may see: all of it when signed in there, else only the lane. */
    public synchronized Map<String, Object> snapshot(String lane, String session) {
        boolean signedIn = heldBy(session);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("lane", lane);
        state.put("cashier", signedIn ? cashier : null);
        state.put("signedIn", signedIn);
        state.put("sale", signedIn ? sale : null);
        state.put("lastReceipt", signedIn ? lastCompleted : null);
        return state;
    }
}
