package io.chainretail.hq.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited action; see V8__audit.sql. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    public String username;

    public String role;

    @Column(name = "store_code")
    public String storeCode;

    /** The HTTP method of a change (PUT, POST, DELETE), or SIGNIN. */
    public String action;

    /** What was changed: the API path and query, e.g. {@code /api/products/W-1/regional-prices/EAST}. */
    public String target;

    /** The answer: 2xx done, 4xx refused (403 a user trying what their role does not allow). */
    public int status;
}
