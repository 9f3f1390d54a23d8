package io.chainretail.agent.returns;

import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.tender.TenderType;
import io.chainretail.core.till.TillApi;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Money back at the lane: returns with and without receipt, and voids of completed sales. */
@Path("/api/till/returns")
public class ReturnResource {

    private final TillSessions sessions;
    private final ReturnService returns;

    public ReturnResource(TillSessions sessions, ReturnService returns) {
        this.sessions = sessions;
        this.returns = returns;
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SHIFT NO_SUCH_SALE NO_SUCH_LINE "
            + "NOTHING_TO_RETURN RETURN_TOO_MANY REFUND_TENDER CASH_SHORT MANAGER_APPROVAL_REQUIRED BAD_CREDENTIALS "
            + "PIN_LOCKED NOT_A_MANAGER INVALID_BARCODE UNKNOWN_BARCODE NOT_ON_SALE NO_PRICE INVALID_QUANTITY "
            + "WEIGHT_NEEDED STORE_NOT_SYNCED")
    @POST
    public RefundView refund(@HeaderParam(TillApi.TOKEN_HEADER) String token, @Valid TillApi.Return request) {
        TillSessions.Session session = sessions.require(token);
        List<ReturnService.Request> lines = request.lines().stream().map(l -> new ReturnService.Request(l.lineNo(),
                l.code(), l.quantity() == null ? 1 : l.quantity(), l.weightGrams())).toList();
        return request.saleId() != null ? returns.withReceipt(session, request.saleId(), lines, request.tender())
                : returns.withoutReceipt(session, lines, request.tender() == null ? TenderType.CASH : request.tender(),
                        request.approver(), request.pin(), request.reason());
    }

    /** Voids a completed sale of the current shift. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SHIFT NO_SUCH_SALE ALREADY_RETURNED "
            + "VOID_OTHER_SHIFT CASH_SHORT MANAGER_APPROVAL_REQUIRED BAD_CREDENTIALS PIN_LOCKED NOT_A_MANAGER")
    @POST
    @Path("/void/{saleId}")
    public RefundView voidSale(@HeaderParam(TillApi.TOKEN_HEADER) String token,
            @PathParam("saleId") String saleId, @Valid TillApi.Approval approval) {
        return returns.voidSale(sessions.require(token), saleId, approval.approver(), approval.pin(),
                approval.reason());
    }
}
