package io.chainretail.agent.checkout;

import io.chainretail.agent.http.ServerTiming;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.till.LanePairings;
import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.agent.till.TillSessions.Session;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.till.TillApi;
import io.chainretail.core.web.Refuses;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The API a lane's till (pos-client) uses: sign in, ring up, take payment. */
@Path("/api/till")
public class TillResource {

    private final TillSessions sessions;
    private final LanePairings pairings;
    private final CheckoutService checkout;
    private final Catalog catalog;
    private final ServerTiming timing;

    public TillResource(TillSessions sessions, LanePairings pairings, CheckoutService checkout, Catalog catalog,
            ServerTiming timing) {
        this.sessions = sessions;
        this.pairings = pairings;
        this.checkout = checkout;
        this.catalog = catalog;
        this.timing = timing;
    }

    /** Trades the lane's one-time code for its key; 401 PAIRING_CODE_WRONG. */
    @Extension(name = Refuses.EXTENSION, value = "PAIRING_CODE_WRONG")
    @POST
    @Path("/pair")
    public TillApi.Paired pair(@Valid TillApi.Pair request) {
        return new TillApi.Paired(request.lane(), pairings.pair(request.lane(), request.code()));
    }

    /**
     * Signs a cashier in at a paired lane: 401 LANE_NOT_PAIRED without the lane's key (asked before the PIN,
     * so an unpaired machine cannot even guess PINs), 401 BAD_CREDENTIALS or PIN_LOCKED.
     */
    @Extension(name = Refuses.EXTENSION, value = "LANE_NOT_PAIRED BAD_CREDENTIALS PIN_LOCKED")
    @POST
    @Path("/signin")
    public TillApi.SignedIn signIn(@HeaderParam(TillApi.LANE_KEY_HEADER) String laneKey,
            @Valid TillApi.SignIn request) {
        pairings.requirePaired(request.lane(), laneKey);
        Session session = sessions.signIn(request.cashier(), request.pin(), request.lane())
                .orElseThrow(() -> Refusal.of(ErrorCode.BAD_CREDENTIALS, "Cashier id or PIN is wrong."));
        return new TillApi.SignedIn(session.token(), session.cashier(), session.role(), session.lane());
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SHIFT STORE_NOT_SYNCED")
    @POST
    @Path("/sales")
    public SaleView open(@HeaderParam(TillApi.TOKEN_HEADER) String token) {
        return checkout.open(session(token));
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED")
    @GET
    @Path("/sales/{id}")
    public SaleView get(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id) {
        return checkout.get(session(token), id);
    }

    /**
     * Answered on the HTTP event loop that read the request, not handed to a worker thread: a scan is a
     * few reads of the embedded database (no commit, no network, no lock a commit holds) and pricing
     * in memory, well under a millisecond, while waking a worker thread on a busy store server cost up to
     * 3 ms at the 99th percentile (docs/benchmarks.md). Everything it calls stays off Hibernate for that.
     */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED "
            + "INVALID_BARCODE INVALID_QUANTITY WEIGHT_NEEDED UNKNOWN_BARCODE NOT_ON_SALE NO_PRICE CURRENCY_MISMATCH "
            + "SCALE_NOT_SETTLED SCALE_OVERLOAD SCALE_UNDER_ZERO SCALE_EMPTY SCALE_NOT_KILOGRAMS SCALE_SILENT")
    @POST
    @Path("/sales/{id}/lines")
    @NonBlocking
    public SaleView scan(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id,
            @Valid TillApi.Scan scan) {
        Session session = session(token);
        return timing.time("scan", () -> checkout.scan(session, id, scan.code(),
                scan.quantity() == null ? 1 : scan.quantity(), scan.weightGrams()));
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED "
            + "EMPTY_SALE")
    @POST
    @Path("/sales/{id}/suspend")
    public SaleView suspend(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id) {
        return checkout.suspend(session(token), id);
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUSPENDED_SALE OTHER_LANE")
    @POST
    @Path("/sales/{id}/resume")
    public SaleView resume(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id) {
        return checkout.resume(session(token), id);
    }

    /** Products by name, for an item without a readable barcode. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL")
    @GET
    @Path("/products")
    public List<Catalog.Found> search(@HeaderParam(TillApi.TOKEN_HEADER) String token, @QueryParam("q") String text) {
        session(token);
        return catalog.search(text == null ? "" : text, 20);
    }

    /** The store's suspended sales, for any lane to resume. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL")
    @GET
    @Path("/suspended")
    public List<SaleView> suspended(@HeaderParam(TillApi.TOKEN_HEADER) String token) {
        session(token);
        return checkout.suspended();
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED "
            + "NO_SUCH_LINE ALREADY_VOIDED")
    @POST
    @Path("/sales/{id}/lines/{lineNo}/void")
    public SaleView voidLine(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id,
            @PathParam("lineNo") String lineNo) {
        return checkout.voidLine(session(token), id, lineNumber(lineNo));
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED "
            + "NO_SUCH_LINE ALREADY_VOIDED INVALID_QUANTITY")
    @PUT
    @Path("/sales/{id}/lines/{lineNo}")
    public SaleView changeQuantity(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id,
            @PathParam("lineNo") String lineNo, @Valid TillApi.LineQuantity change) {
        return checkout.changeQuantity(session(token), id, lineNumber(lineNo), change.quantity());
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED "
            + "UNKNOWN_MEMBER")
    @PUT
    @Path("/sales/{id}/member")
    public SaleView attachMember(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id,
            @Valid TillApi.MemberKey member) {
        return checkout.attachMember(session(token), id, member.cardOrPhone());
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED")
    @DELETE
    @Path("/sales/{id}/member")
    public SaleView detachMember(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id) {
        return checkout.detachMember(session(token), id);
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED "
            + "INVALID_COUPON")
    @POST
    @Path("/sales/{id}/coupons")
    public SaleView addCoupon(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id,
            @Valid TillApi.Coupon coupon) {
        return checkout.addCoupon(session(token), id, coupon.code());
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED")
    @DELETE
    @Path("/sales/{id}/coupons/{code}")
    public SaleView removeCoupon(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id,
            @PathParam("code") String code) {
        return checkout.removeCoupon(session(token), id, code);
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_SALE OTHER_LANE SALE_SUSPENDED "
            + "EMPTY_SALE TENDER_TOO_LOW TENDER_TOO_LARGE CHANGE_TOO_LARGE CHANGE_WITHOUT_CASH POINTS_NEED_MEMBER "
            + "POINTS_AMOUNT POINTS_NOT_AVAILABLE POINTS_NEED_HQ UNKNOWN_PRODUCT NO_PRICE ONLINE_TENDER")
    @POST
    @Path("/sales/{id}/complete")
    public SaleView complete(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id,
            @Valid TillApi.Payment payment) {
        List<SaleCompleted.Tender> tenders = payment.tenders().stream()
                .map(t -> new SaleCompleted.Tender(t.type().name(), t.amountMinor(), blankToNull(t.reference())))
                .toList();
        Session session = session(token);
        return timing.time("complete", () -> checkout.complete(session, id, tenders));
    }

    /** A line number from the path: one that is not a number names no line (404 NO_SUCH_LINE, with its code). */
    private static int lineNumber(String lineNo) {
        try {
            return Integer.parseInt(lineNo);
        } catch (NumberFormatException e) {
            throw Refusal.of(ErrorCode.NO_SUCH_LINE, "The sale has no line " + lineNo + ".");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Session session(String token) {
        return sessions.require(token);
    }
}
