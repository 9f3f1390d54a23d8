package io.chainretail.agent.shift;

import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.sync.payload.DrawerOpened;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.till.TillApi;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The lane's shift: open with a float, X report, close with the count (Z), no-sale. */
@Path("/api/till/shift")
public class ShiftResource {

    private final TillSessions sessions;
    private final ShiftService shifts;

    public ShiftResource(TillSessions sessions, ShiftService shifts) {
        this.sessions = sessions;
        this.shifts = shifts;
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL INVALID_FLOAT SHIFT_ALREADY_OPEN "
            + "STORE_NOT_SYNCED")
    @POST
    @Path("/open")
    public ShiftTotals open(@HeaderParam(TillApi.TOKEN_HEADER) String token, @Valid TillApi.OpenShift open) {
        return shifts.open(sessions.require(token), open.floatMinor());
    }

    /** The X report. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SHIFT")
    @GET
    public ShiftTotals current(@HeaderParam(TillApi.TOKEN_HEADER) String token) {
        return shifts.current(sessions.require(token));
    }

    /** The Z report. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SHIFT INVALID_COUNT")
    @POST
    @Path("/close")
    public ShiftClosed close(@HeaderParam(TillApi.TOKEN_HEADER) String token, @Valid TillApi.CloseShift close) {
        return shifts.close(sessions.require(token), close.counted().stream()
                .map(c -> new ShiftClosed.Denomination(c.valueMinor(), c.count())).toList());
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SHIFT MANAGER_APPROVAL_REQUIRED "
            + "BAD_CREDENTIALS PIN_LOCKED NOT_A_MANAGER")
    @POST
    @Path("/no-sale")
    public DrawerOpened noSale(@HeaderParam(TillApi.TOKEN_HEADER) String token, @Valid TillApi.Approval approval) {
        return shifts.noSale(sessions.require(token), approval.approver(), approval.pin(), approval.reason());
    }
}
