package io.chainretail.agent.shift;

import io.chainretail.agent.checkout.TillResource;
import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.sync.payload.DrawerOpened;
import io.chainretail.core.sync.payload.ShiftClosed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/** The lane's shift: open with a float, X report, close with the count (Z), no-sale. */
@Path("/api/till/shift")
public class ShiftResource {

    private final TillSessions sessions;
    private final ShiftService shifts;

    public ShiftResource(TillSessions sessions, ShiftService shifts) {
        this.sessions = sessions;
        this.shifts = shifts;
    }

    /** The float counted into the drawer. */
    public record Open(@NotNull @PositiveOrZero Long floatMinor) {
    }

    /** The cash counted at close, by denomination. */
    public record Close(@NotNull @Size(max = 100) List<@Valid Count> counted) {
    }

    /** Notes or coins of one value. */
    public record Count(@Positive long valueMinor, @PositiveOrZero int count) {
    }

    /** A manager's approval. */
    public record Approval(@NotBlank String approver, @NotBlank String pin, String reason) {
    }

    @POST
    @Path("/open")
    public ShiftTotals open(@HeaderParam(TillResource.TOKEN_HEADER) String token, @Valid Open open) {
        return shifts.open(sessions.require(token), open.floatMinor());
    }

    /** The X report. */
    @GET
    public ShiftTotals current(@HeaderParam(TillResource.TOKEN_HEADER) String token) {
        return shifts.current(sessions.require(token));
    }

    /** The Z report. */
    @POST
    @Path("/close")
    public ShiftClosed close(@HeaderParam(TillResource.TOKEN_HEADER) String token, @Valid Close close) {
        return shifts.close(sessions.require(token), close.counted().stream()
                .map(c -> new ShiftClosed.Denomination(c.valueMinor(), c.count())).toList());
    }

    @POST
    @Path("/no-sale")
    public DrawerOpened noSale(@HeaderParam(TillResource.TOKEN_HEADER) String token, @Valid Approval approval) {
        return shifts.noSale(sessions.require(token), approval.approver(), approval.pin(), approval.reason());
    }
}
