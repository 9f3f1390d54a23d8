package io.chainretail.agent.devices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One receipt (or drawer opening) for a lane's printer; see V8__print_jobs.sql for its states. */
@Entity
@Table(name = "print_job")
public class PrintJob extends PanacheEntityBase {

    /** QUEUED, SENDING (handed to the printer), PRINTED, or UNCERTAIN (the agent stopped while SENDING). */
    public enum State { QUEUED, SENDING, PRINTED, UNCERTAIN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String lane;

    /** SALE, RETURN, VOID, Z (a shift's Z report), or DRAWER (a no-sale: nothing to print, the drawer opens). */
    @Column(name = "document_kind")
    public String documentKind;

    @Column(name = "document_id")
    public String documentId;

    @Column(name = "is_copy")
    public boolean copy;

    @Column(name = "open_drawer")
    public boolean openDrawer;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "printed_at")
    public Instant printedAt;
}
