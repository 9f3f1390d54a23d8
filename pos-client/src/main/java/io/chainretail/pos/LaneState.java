package io.chainretail.pos;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** What this lane holds between requests: the cashier's session, the open sale, the last receipt. */
@ApplicationScoped
public class LaneState {

    private String token;
    private String cashier;
    private JsonNode sale;
    private JsonNode lastCompleted;

    public synchronized void signedIn(String newToken, String newCashier) {
        token = newToken;
        cashier = newCashier;
    }

    public synchronized void signedOut() {
        token = null;
        cashier = null;
        sale = null;
    }

    public synchronized String token() {
        return token;
    }

    public synchronized String saleId() {
        return sale == null ? null : sale.path("saleId").asText();
    }

    public synchronized void saleOpened(JsonNode opened) {
        sale = opened;
    }

    public synchronized void saleChanged(JsonNode changed) {
        sale = changed;
    }

    public synchronized void saleCompleted(JsonNode completed) {
        sale = null;
        lastCompleted = completed;
    }

    public synchronized void saleSuspended() {
        sale = null;
    }

    /** A refund slip is shown like a receipt: the last thing the lane printed. */
    public synchronized void refunded(JsonNode refund) {
        lastCompleted = refund;
    }

    public synchronized Map<String, Object> snapshot(String lane) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("lane", lane);
        state.put("cashier", cashier);
        state.put("signedIn", token != null);
        state.put("sale", sale);
        state.put("lastReceipt", lastCompleted);
        return state;
    }
}
