package io.chainretail.core.till;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of the store agent's till API the lane application calls: its method, its path (with
 * {@code {name}} parameters) and the body it takes. The lane calls the agent only through these, and a
 * contract test holds each against the agent's published API.
 */
public enum TillCall {
    PAIR("POST", "/api/till/pair", TillApi.Pair.class),
    SIGN_IN("POST", "/api/till/signin", TillApi.SignIn.class),
    SYNC_STATUS("GET", "/api/sync", null),
    DEVICES("GET", "/api/till/devices", null),
    EVENTS("GET", "/api/till/events", null),
    OPEN_SALE("POST", "/api/till/sales", null),
    ADD_LINE("POST", "/api/till/sales/{id}/lines", TillApi.Scan.class),
    VOID_LINE("POST", "/api/till/sales/{id}/lines/{lineNo}/void", null),
    LINE_QUANTITY("PUT", "/api/till/sales/{id}/lines/{lineNo}", TillApi.LineQuantity.class),
    ATTACH_MEMBER("PUT", "/api/till/sales/{id}/member", TillApi.MemberKey.class),
    ADD_COUPON("POST", "/api/till/sales/{id}/coupons", TillApi.Coupon.class),
    COMPLETE("POST", "/api/till/sales/{id}/complete", TillApi.Payment.class),
    SUSPEND("POST", "/api/till/sales/{id}/suspend", null),
    RESUME("POST", "/api/till/sales/{id}/resume", null),
    SUSPENDED("GET", "/api/till/suspended", null),
    SEARCH("GET", "/api/till/products", null),
    REPRINT("POST", "/api/till/receipts/{id}/reprint", null),
    SHIFT("GET", "/api/till/shift", null),
    OPEN_SHIFT("POST", "/api/till/shift/open", TillApi.OpenShift.class),
    CLOSE_SHIFT("POST", "/api/till/shift/close", TillApi.CloseShift.class),
    NO_SALE("POST", "/api/till/shift/no-sale", TillApi.Approval.class),
    RETURN("POST", "/api/till/returns", TillApi.Return.class),
    VOID_SALE("POST", "/api/till/returns/void/{saleId}", TillApi.Approval.class),
    ONLINE_ORDER("GET", "/api/till/orders/{pickupCode}", null),
    HAND_OVER("POST", "/api/till/orders/{pickupCode}/handover", TillApi.Handover.class);

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private final String method;
    private final String path;
    private final Class<? extends Record> body;

    TillCall(String method, String path, Class<? extends Record> body) {
        this.method = method;
        this.path = path;
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** The path as the API publishes it, parameters as {@code {name}}. */
    public String path() {
        return path;
    }

    /** The body's record, or {@code null} when the operation takes none. */
    public Class<? extends Record> body() {
        return body;
    }

    /** The path with its parameters filled in order, each encoded. */
    public String path(Object... parameters) {
        Matcher matcher = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        int next = 0;
        while (matcher.find()) {
            if (next == parameters.length) {
                throw new IllegalArgumentException(this + " takes more parameters than " + parameters.length);
            }
            String value = URLEncoder.encode(String.valueOf(parameters[next++]), StandardCharsets.UTF_8)
                    .replace("+", "%20");
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        if (next != parameters.length) {
            throw new IllegalArgumentException(this + " takes " + next + " parameters, not " + parameters.length);
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
