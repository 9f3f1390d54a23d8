package io.chainretail.hq.broker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store agent's broker account; see V11__broker_credentials.sql. */
@Entity
@Table(name = "broker_credential")
public class BrokerCredential extends PanacheEntityBase {

    @Id
    @Column(name = "store_code")
    public String storeCode;

    public String username;

    /** {@link MosquittoPasswordHash} of the password; the password itself is shown once, when issued. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;
}
