package io.chainretail.hq.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in; see V7__users.sql. */
@Entity
@Table(name = "user_account")
public class UserAccount extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name")
    public String displayName;

    /** {@link Role#id()}. */
    public String role;

    /** The store of a store manager or cashier; null for HQ roles. */
    @Column(name = "store_code")
    public String storeCode;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean active;

    @Column(name = "failed_signins")
    public int failedSignins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The id a cashier or store manager keys at the till; null: no till access. */
    @Column(name = "till_id")
    public String tillId;

    /** {@link io.chainretail.core.security.PasswordHasher} hash of the till PIN. */
    @Column(name = "pin_hash")
    public String pinHash;
}
