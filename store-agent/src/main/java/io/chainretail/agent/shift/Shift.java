package io.chainretail.agent.shift;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A lane's shift: opened with a float, closed with a counted Z report. */
@Entity
@Table(name = "shift")
public class Shift extends PanacheEntityBase {

    @Id
    @Column(name = "shift_id")
    public String shiftId;

    public String lane;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "float_minor")
    public long floatMinor;

    public String currency;

    @Column(name = "no_sales")
    public int noSales;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "z_no")
    public Long zNo;

    /** The Z report ({@code ShiftClosed} JSON) once closed. */
    public String report;

    static Optional<Shift> openAt(String lane) {
        return find("lane = ?1 and closedAt is null", lane).firstResultOptional();
    }
}
