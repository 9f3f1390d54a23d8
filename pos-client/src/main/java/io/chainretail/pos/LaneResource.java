package io.chainretail.pos;

import io.chainretail.core.tender.TenderType;
import io.chainretail.core.till.TillApi;
import io.chainretail.core.till.TillCall;
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

    /** Cash handed over, in minor units. */
    public record CashPayment(@NotNull @PositiveOrZero Long amountMinor) {
    }

    /** A line to void. */
    public record VoidLine(@NotNull Integer lineNo) {
    }

    /** A suspended sale to take back. */
    public record Resume(@NotBlank String saleId) {
    }

    /**
     * One line given back: with the receipt's {@code saleId} and {@code lineNo}; without a receipt by
     * the item's {@code code}, with a manager's {@code approver} and {@code pin}.
     */
    public record ReturnLine(String saleId, Integer lineNo, String code, Long quantity, TenderType tender,
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
            AgentReply sync = agent.call(TillCall.SYNC_STATUS, null, null);
            state.put("hqOnline", sync.ok() && sync.body().path("connected").asBoolean());
            state.put("storeOnline", true);
            if (lane.heldBy(session)) {
                AgentReply devices = agent.call(TillCall.DEVICES, null, lane.token());
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
        AgentReply reply = agent.callAsLane(TillCall.SIGN_IN,
                new TillApi.SignIn(request.cashier(), request.pin(), config.lane()), laneKey.key().orElse(null));
        if (reply.refusedWith(ErrorCode.LANE_NOT_PAIRED)) {
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
            + "NOT_SIGNED_IN NO_SHIFT STORE_NOT_SYNCED INVALID_BARCODE INVALID_QUANTITY "
            + "WEIGHT_NEEDED UNKNOWN_BARCODE NOT_ON_SALE NO_PRICE CURRENCY_MISMATCH SCALE_NOT_SETTLED SCALE_OVERLOAD "
            + "SCALE_UNDER_ZERO SCALE_EMPTY SCALE_NOT_KILOGRAMS SCALE_SILENT SALE_SUSPENDED")
    @POST
    @Path("/sale/scan")
    public Response scan(@Valid TillApi.Scan scan) {
        String token = lane.token();
        if (lane.saleId() == null) {
            AgentReply opened = agent.call(TillCall.OPEN_SALE, null, token);
            if (opened.refusedWith(ErrorCode.NO_SHIFT) && config.openingFloat().isPresent()) {
                // An unattended lane opens its shift with the configured float; others ask the cashier.
                AgentReply shift = agent.call(TillCall.OPEN_SHIFT,
                        new TillApi.OpenShift(config.openingFloat().getAsLong()), token);
                if (!shift.ok() && !shift.refusedWith(ErrorCode.SHIFT_ALREADY_OPEN)) {
                    return shift.relayed();
                }
                opened = agent.call(TillCall.OPEN_SALE, null, token);
            }
            if (!opened.ok()) {
                return opened.relayed();
            }
            lane.saleOpened(opened.body());
        }
        // A weight keyed in goes along; without it the lane's scale weighs the item.
        TillApi.Scan line = new TillApi.Scan(scan.code(), scan.quantity() == null ? 1 : scan.quantity(),
                scan.weightGrams());
        AgentReply reply = agent.call(TillCall.ADD_LINE, line, token, lane.saleId());
        if (reply.ok()) {
            lane.saleChanged(reply.body());
        }
        return reply.relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SALE EMPTY_SALE TENDER_TOO_LOW CHANGE_TOO_LARGE "
            + "TENDER_TOO_LARGE")
    @POST
    @Path("/sale/pay-cash")
    public Response payCash(@Valid CashPayment payment) {
        return pay(new TillApi.Payment(List.of(new TillApi.Tender(TenderType.CASH, payment.amountMinor(), null))));
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SALE EMPTY_SALE TENDER_TOO_LOW CHANGE_TOO_LARGE "
            + "CHANGE_WITHOUT_CASH TENDER_TOO_LARGE POINTS_NEED_MEMBER POINTS_AMOUNT POINTS_NOT_AVAILABLE "
            + "POINTS_NEED_HQ ONLINE_TENDER")
    @POST
    @Path("/sale/pay")
    public Response pay(@Valid TillApi.Payment payment) {
        String saleId = openSale();
        AgentReply reply = agent.call(TillCall.COMPLETE, payment, lane.token(), saleId);
        if (reply.ok()) {
            lane.saleCompleted(reply.body());
        }
        return reply.relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SALE UNKNOWN_MEMBER")
    @POST
    @Path("/sale/member")
    public Response member(@Valid TillApi.MemberKey member) {
        String saleId = openSale();
        return changed(agent.call(TillCall.ATTACH_MEMBER, member, lane.token(), saleId));
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SALE INVALID_COUPON")
    @POST
    @Path("/sale/coupon")
    public Response coupon(@Valid TillApi.Coupon coupon) {
        String saleId = openSale();
        return changed(agent.call(TillCall.ADD_COUPON, coupon, lane.token(), saleId));
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SALE NO_SUCH_LINE ALREADY_VOIDED")
    @POST
    @Path("/sale/void-line")
    public Response voidLine(@Valid VoidLine line) {
        String saleId = openSale();
        return changed(agent.call(TillCall.VOID_LINE, null, lane.token(), saleId, line.lineNo()));
    }

    /** A line's new quantity. */
    public record LineQuantity(@NotNull Integer lineNo, @NotNull Long quantity) {
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE NOT_SIGNED_IN "
            + "NO_SALE NO_SUCH_LINE ALREADY_VOIDED INVALID_QUANTITY")
    @POST
    @Path("/sale/line-quantity")
    public Response lineQuantity(@Valid LineQuantity change) {
        String saleId = openSale();
        return changed(agent.call(TillCall.LINE_QUANTITY, new TillApi.LineQuantity(change.quantity()), lane.token(),
                saleId, change.lineNo()));
    }

    /** Parks the open sale; the lane is free for the next customer. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SALE")
    @POST
    @Path("/sale/suspend")
    public Response suspend() {
        String saleId = openSale();
        AgentReply reply = agent.call(TillCall.SUSPEND, null, lane.token(), saleId);
        if (reply.ok()) {
            lane.saleSuspended();
        }
        return reply.relayed();
    }

    /** Prints a receipt again on this lane's printer, marked COPY. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SUCH_RECEIPT NO_PRINTER")
    @POST
    @Path("/receipts/{id}/reprint")
    public Response reprint(@PathParam("id") String id) {
        return agent.call(TillCall.REPRINT, null, lane.token(), id).relayed();
    }

    /** Products by name, for an item whose barcode cannot be read. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN")
    @GET
    @Path("/search")
    public Response search(@QueryParam("q") String text) {
        String query = text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
        return agent.query(TillCall.SEARCH, "q=" + query, lane.token()).relayed();
    }

    /** The store's suspended sales. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN")
    @GET
    @Path("/suspended")
    public Response suspended() {
        return agent.call(TillCall.SUSPENDED, null, lane.token()).relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN SALE_OPEN NO_SUSPENDED_SALE")
    @POST
    @Path("/sale/resume")
    public Response resume(@Valid Resume resume) {
        if (lane.saleId() != null) {
            throw Refusal.of(ErrorCode.SALE_OPEN, "Finish or suspend the open sale first.");
        }
        AgentReply reply = agent.call(TillCall.RESUME, null, lane.token(), resume.saleId());
        if (reply.ok()) {
            lane.saleOpened(reply.body());
        }
        return reply.relayed();
    }

    /** A return with receipt of one line; the refund slip becomes the lane's last receipt. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SUCH_SALE NO_SUCH_LINE NOTHING_TO_RETURN RETURN_TOO_MANY "
            + "REFUND_TENDER CASH_SHORT MANAGER_APPROVAL_REQUIRED BAD_CREDENTIALS NOT_A_MANAGER INVALID_BARCODE "
            + "UNKNOWN_BARCODE INVALID_QUANTITY WEIGHT_NEEDED NO_SHIFT")
    @POST
    @Path("/return")
    public Response giveBack(@Valid ReturnLine line) {
        boolean withReceipt = line.saleId() != null && !line.saleId().isBlank();
        long quantity = line.quantity() == null ? 1 : line.quantity();
        TenderType tender = line.tender(); // none: the store refunds as the sale was paid (online, else cash)
        TillApi.Return request = withReceipt
                ? new TillApi.Return(line.saleId(), List.of(new TillApi.ReturnLine(line.lineNo(), null, quantity,
                        null)), tender, null, null, null)
                : new TillApi.Return(null, List.of(new TillApi.ReturnLine(null, line.code(), quantity, null)), tender,
                        line.approver(), line.pin(), line.reason());
        return refunded(agent.call(TillCall.RETURN, request, lane.token()));
    }

    /** Voids a completed sale of this shift (manager); the void slip becomes the lane's last receipt. */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE "
            + "NOT_SIGNED_IN NO_SUCH_SALE ALREADY_RETURNED VOID_OTHER_SHIFT CASH_SHORT "
            + "MANAGER_APPROVAL_REQUIRED BAD_CREDENTIALS NOT_A_MANAGER NO_SHIFT")
    @POST
    @Path("/sales/{saleId}/void")
    public Response voidSale(@PathParam("saleId") String saleId, @Valid TillApi.Approval approval) {
        return refunded(agent.call(TillCall.VOID_SALE, approval, lane.token(), saleId));
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

    /** The lane's open sale, or a refusal for the cashier to scan an item first. */
    private String openSale() {
        String saleId = lane.saleId();
        if (saleId == null) {
            throw Refusal.of(ErrorCode.NO_SALE, "Scan an item first.");
        }
        return saleId;
    }
}
