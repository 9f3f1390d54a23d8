package io.chainretail.hq.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in session, kept by the SHA-256 of its token (a stolen database holds no usable token). */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    public String username;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Pushed forward on use: a session ends after {@code hq.auth.session-timeout} without activity. */
    @Column(name = "expires_at")
    public Instant expiresAt;
}
