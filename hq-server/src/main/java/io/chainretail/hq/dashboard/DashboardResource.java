package io.chainretail.hq.dashboard;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The chain's sales dashboard, for HQ. */
@Path("/api/dashboard/sales")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class DashboardResource {

    private final SalesDashboard dashboard;
    private final InstantSource clock;

    public DashboardResource(SalesDashboard dashboard, InstantSource clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    /**
     * Business days {@code from} to {@code to} inclusive (at most 92), with the period as long just before for
     * the trend; today (HQ's) when left out.
     */
    @Extension(name = Refuses.EXTENSION, value = "INVALID_RANGE")
    @GET
    public SalesDashboard.Summary sales(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate first = from != null ? from : LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        LocalDate last = to != null ? to : first;
        if (last.isBefore(first) || last.isAfter(first.plusDays(92))) {
            throw Refusal.of(ErrorCode.INVALID_RANGE, "to", "to must be on or after from, at most 92 days later");
        }
        return dashboard.between(first, last);
    }
}
