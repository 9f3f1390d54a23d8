package io.chainretail.pos;

import io.chainretail.core.web.Refuses;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.pos.AgentClient.AgentReply;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The cashier page's API. The lane keeps one signed-in cashier, in the browser that signed in
 * ({@link SessionGuard}), and one open sale; every action is forwarded to the store agent, which owns the
 * rules.
 */
@Path("/api")
public class LaneResource {

    private final AgentClient agent;
    private final LaneState lane;
    private final LaneKey laneKey;
    private final PosConfig config;

    public LaneResource(AgentClient agent, LaneState lane, LaneKey laneKey, PosConfig config) {
        this.agent = agent;
        this.lane = lane;
        this.laneKey = laneKey;
        this.config = config;
    }

    /** A one-time pairing code from the manager console. */
    public record Pairing(@NotBlank @jakarta.validation.constraints.Size(max = 64) String code) {
    }

    /** Sign-in at this lane. */
    public record SignIn(@NotBlank String cashier, @NotBlank String pin) {
    }

    /** A scanned or keyed barcode, and the weight keyed in for an item sold by weight. */
    public record Scan(@NotBlank String code, Long quantity, Long weightGrams) {
    }

    /** Cash handed over, in minor units. */
    public record CashPayment(@NotNull @PositiveOrZero Long amountMinor) {
    }

    /** Payment in one or more tenders: CASH, CARD (from the external terminal), VOUCHER. */
    public record Payment(@NotNull List<Map<String, Object>> tenders) {
    }

    /** A member's card or phone. */
    public record Member(@NotBlank String cardOrPhone) {
    }

    /** A coupon code. */
    public record Coupon(@NotBlank String code) {
    }

    /** A line to void. */
    public record VoidLine(@NotNull Integer lineNo) {
    }

    /** A suspended sale to take back. */
    public record Resume(@NotBlank String saleId) {
    }

    /** A return with receipt: one line of a sale. */
    /**
     * One line given back: with the receipt's {@code saleId} and {@code lineNo}; without a receipt by
     * the item's {@code code}, with a manager's {@code approver} and {@code pin}.
     */
    public record ReturnLine(String saleId, Integer lineNo, String code, Long quantity, String tender,
            String approver, String pin, String reason) {
    }

    /**
     * The lane's state, and whether the store is in touch with HQ (selling goes on either way). A browser
     * other than the signed-in one sees only the lane and the connections.
     */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE")
    @GET
    @Path("/state")
    public Map<String, Object> state(@Context HttpHeaders headers, @Context UriInfo uri) {
        return state(BrowserSession.valueOf(headers.getCookies(), uri));
    }

    private Map<String, Object> state(String session) {
        Map<String, Object> state = new LinkedHashMap<>(lane.snapshot(config.lane(), session));
        try {
            state.put("paired", laneKey.paired());
            AgentReply sync = agent.get("/api/sync", null);
            state.put("hqOnline", sync.ok() && sync.body().path("connected").asBoolean());
            state.put("storeOnline", true);
            if (lane.heldBy(session)) {
                AgentReply devices = agent.get("/api/till/devices", lane.token());
                if (devices.ok()) {
                    state.put("devices", devices.body());
                }
            }
        } catch (AgentClient.AgentUnreachableException e) {
            state.put("hqOnline", false);
            state.put("storeOnline", false);
        }
        return state;
    }

    /** Signs the cashier in; this browser holds the lane's session from now on (any other's ends). */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE CROSS_SITE BAD_CREDENTIALS PIN_LOCKED "
            + "LANE_NOT_PAIRED NOT_A_TILL")
    @POST
    @Path("/signin")
    public Response signIn(@Valid SignIn request, @Context UriInfo uri) {
        AgentReply reply = agent.postAsLane("/api/till/signin",
                Map.of("cashier", request.cashier(), "pin", request.pin(), "lane", config.lane()),
                laneKey.key().orElse(null));
        if (reply.status() == 401 && "LANE_NOT_PAIRED".equals(reply.body().path("code").asText())) {
            laneKey.forget(); // unpaired at the agent, or paired again on another machine: ask for a code
        }
        if (!reply.ok()) {
            return reply.relayed();
        }
        // The agent's token stays in the lane; the page gets only its own session cookie.
        String session = BrowserSession.newValue();
        lane.signedIn(reply.body().path("token").asText(), reply.body().path("cashier").asText(), session);
        return Response.ok(state(session)).cookie(BrowserSession.cookie(uri, session)).build();
    }

    /** Pairs this lane with the store agent with the manager's one-time code; 401 PAIRING_CODE_WRONG. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE CROSS_SITE PAIRING_CODE_WRONG LANE_INVALID")
    @POST
    @Path("/pair")
    public Response pair(@Valid Pairing pairing, @Context HttpHeaders headers, @Context UriInfo uri) {
        AgentReply reply = laneKey.pair(pairing.code().strip());
        return reply.ok() ? Response.ok(state(BrowserSession.valueOf(headers.getCookies(), uri))).build()
                : reply.relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE CROSS_SITE SIGNED_OUT")
    @POST
    @Path("/signout")
    public Response signOut(@Context UriInfo uri) {
        lane.signedOut();
        return Response.ok(state((String) null)).cookie(BrowserSession.cookie(uri, null)).build();
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SHIFT STORE_NOT_SYNCED INVALID_BARCODE INVALID_QUANTITY "
            + "WEIGHT_NEEDED UNKNOWN_BARCODE NOT_ON_SALE NO_PRICE CURRENCY_MISMATCH SCALE_NOT_SETTLED SCALE_OVERLOAD "
            + "SCALE_UNDER_ZERO SCALE_EMPTY SCALE_NOT_KILOGRAMS SCALE_SILENT SALE_SUSPENDED")
    @POST
    @Path("/sale/scan")
    public Response scan(@Valid Scan scan) {
        String token = lane.token();
        if (lane.saleId() == null) {
            AgentReply opened = agent.post("/api/till/sales", null, token);
            if (opened.status() == 409 && "NO_SHIFT".equals(opened.body().path("code").asText())
                    && config.openingFloat().isPresent()) {
                // An unattended lane opens its shift with the configured float; others ask the cashier.
                AgentReply shift = agent.post("/api/till/shift/open",
                        Map.of("floatMinor", config.openingFloat().getAsLong()), token);
                if (!shift.ok() && !"SHIFT_ALREADY_OPEN".equals(shift.body().path("code").asText())) {
                    return shift.relayed();
                }
                opened = agent.post("/api/till/sales", null, token);
            }
            if (!opened.ok()) {
                return opened.relayed();
            }
            lane.saleOpened(opened.body());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("code", scan.code());
        line.put("quantity", scan.quantity() == null ? 1 : scan.quantity());
        if (scan.weightGrams() != null) {
            line.put("weightGrams", scan.weightGrams()); // keyed in; without it the lane's scale weighs the item
        }
        AgentReply reply = agent.post("/api/till/sales/" + lane.saleId() + "/lines", line, token);
        if (reply.ok()) {
            lane.saleChanged(reply.body());
        }
        return reply.relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SALE EMPTY_SALE TENDER_TOO_LOW CHANGE_TOO_LARGE "
            + "TENDER_TOO_LARGE")
    @POST
    @Path("/sale/pay-cash")
    public Response payCash(@Valid CashPayment payment) {
        return pay(new Payment(List.of(Map.of("type", "CASH", "amountMinor", payment.amountMinor()))));
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SALE EMPTY_SALE TENDER_TOO_LOW CHANGE_TOO_LARGE "
            + "CHANGE_WITHOUT_CASH TENDER_TOO_LARGE POINTS_NEED_MEMBER POINTS_AMOUNT POINTS_NOT_AVAILABLE "
            + "POINTS_NEED_HQ")
    @POST
    @Path("/sale/pay")
    public Response pay(@Valid Payment payment) {
        if (lane.saleId() == null) {
            return noSale();
        }
        AgentReply reply = agent.post("/api/till/sales/" + lane.saleId() + "/complete",
                Map.of("tenders", payment.tenders()), lane.token());
        if (reply.ok()) {
            lane.saleCompleted(reply.body());
        }
        return reply.relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SALE UNKNOWN_MEMBER")
    @POST
    @Path("/sale/member")
    public Response member(@Valid Member member) {
        if (lane.saleId() == null) {
            return noSale();
        }
        return changed(agent.put("/api/till/sales/" + lane.saleId() + "/member",
                Map.of("cardOrPhone", member.cardOrPhone()), lane.token()));
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SALE INVALID_COUPON")
    @POST
    @Path("/sale/coupon")
    public Response coupon(@Valid Coupon coupon) {
        if (lane.saleId() == null) {
            return noSale();
        }
        return changed(agent.post("/api/till/sales/" + lane.saleId() + "/coupons", Map.of("code", coupon.code()),
                lane.token()));
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SALE NO_SUCH_LINE ALREADY_VOIDED")
    @POST
    @Path("/sale/void-line")
    public Response voidLine(@Valid VoidLine line) {
        if (lane.saleId() == null) {
            return noSale();
        }
        return changed(agent.post("/api/till/sales/" + lane.saleId() + "/lines/" + line.lineNo() + "/void", null,
                lane.token()));
    }

    /** Parks the open sale; the lane is free for the next customer. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SALE")
    @POST
    @Path("/sale/suspend")
    public Response suspend() {
        if (lane.saleId() == null) {
            return noSale();
        }
        AgentReply reply = agent.post("/api/till/sales/" + lane.saleId() + "/suspend", null, lane.token());
        if (reply.ok()) {
            lane.saleSuspended();
        }
        return reply.relayed();
    }

    /** Prints a receipt again on this lane's printer, marked COPY. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SUCH_RECEIPT NO_PRINTER")
    @POST
    @Path("/receipts/{id}/reprint")
    public Response reprint(@PathParam("id") String id) {
        return agent.post("/api/till/receipts/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/reprint", null,
                lane.token()).relayed();
    }

    /** Products by name, for an item whose barcode cannot be read. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN")
    @GET
    @Path("/search")
    public Response search(@QueryParam("q") String text) {
        String query = text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
        return agent.get("/api/till/products?q=" + query, lane.token()).relayed();
    }

    /** The store's suspended sales. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN")
    @GET
    @Path("/suspended")
    public Response suspended() {
        return agent.get("/api/till/suspended", lane.token()).relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN SALE_OPEN NO_SUSPENDED_SALE")
    @POST
    @Path("/sale/resume")
    public Response resume(@Valid Resume resume) {
        if (lane.saleId() != null) {
            throw Refusal.of(ErrorCode.SALE_OPEN, "Finish or suspend the open sale first.");
        }
        AgentReply reply = agent.post("/api/till/sales/" + resume.saleId() + "/resume", null, lane.token());
        if (reply.ok()) {
            lane.saleOpened(reply.body());
        }
        return reply.relayed();
    }

    /** A return with receipt of one line; the refund slip becomes the lane's last receipt. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SUCH_SALE NO_SUCH_LINE NOTHING_TO_RETURN RETURN_TOO_MANY "
            + "REFUND_TENDER CASH_SHORT MANAGER_APPROVAL_REQUIRED BAD_CREDENTIALS NOT_A_MANAGER INVALID_BARCODE "
            + "UNKNOWN_BARCODE INVALID_QUANTITY WEIGHT_NEEDED NO_SHIFT")
    @POST
    @Path("/return")
    public Response giveBack(@Valid ReturnLine line) {
        boolean withReceipt = line.saleId() != null && !line.saleId().isBlank();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put(withReceipt ? "lineNo" : "code", withReceipt ? line.lineNo() : line.code());
        given.put("quantity", line.quantity() == null ? 1 : line.quantity());
        Map<String, Object> request = new LinkedHashMap<>();
        if (withReceipt) {
            request.put("saleId", line.saleId());
        } else {
            request.put("approver", line.approver());
            request.put("pin", line.pin());
            request.put("reason", line.reason());
        }
        request.put("lines", List.of(given));
        request.put("tender", line.tender() == null ? "CASH" : line.tender());
        return refunded(agent.post("/api/till/returns", request, lane.token()));
    }

    /** A manager's approval of a voided sale. */
    public record Approval(@NotBlank String approver, @NotBlank String pin, String reason) {
    }

    /** Voids a completed sale of this shift (manager); the void slip becomes the lane's last receipt. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "STORE_SERVER_UNREACHABLE NOT_SIGNED_IN NO_SUCH_SALE ALREADY_RETURNED VOID_OTHER_SHIFT CASH_SHORT "
            + "MANAGER_APPROVAL_REQUIRED BAD_CREDENTIALS NOT_A_MANAGER NO_SHIFT")
    @POST
    @Path("/sales/{saleId}/void")
    public Response voidSale(@PathParam("saleId") String saleId, @Valid Approval approval) {
        return refunded(agent.post("/api/till/returns/void/" + URLEncoder.encode(saleId, StandardCharsets.UTF_8),
                approval, lane.token()));
    }

    private Response refunded(AgentReply reply) {
        if (reply.ok()) {
            lane.refunded(reply.body());
        }
        return reply.relayed();
    }

    private Response changed(AgentReply reply) {
        if (reply.ok()) {
            lane.saleChanged(reply.body());
        }
        return reply.relayed();
    }

    private static Response noSale() {
        throw Refusal.of(ErrorCode.NO_SALE, "Scan an item first.");
    }
}
