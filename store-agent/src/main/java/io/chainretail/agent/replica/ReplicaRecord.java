package io.chainretail.agent.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One row of HQ's master data as the store holds it: the canonical JSON of the feed record, keyed by
 * schema and the record's key. The replica hash is computed over exactly these rows.
 */
@Entity
@Table(name = "replica_record")
public class ReplicaRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String feed;

    public String payload;

    /** Schema id and record key, e.g. ({@code prices.region.v1}, {@code D00001@east}). */
    @Embeddable
    public record Key(@Column(name = "schema_id") String schemaId, @Column(name = "record_key") String recordKey)
            implements Serializable {
    }
}
