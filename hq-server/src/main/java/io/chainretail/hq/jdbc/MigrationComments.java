package io.chainretail.hq.jdbc;

import io.chainretail.core.db.CommentOnlyEdits;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.List;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * HQ's migrations whose comments were reworded after they had run (they named a design brief the repository
 * does not hold): an HQ database that ran them before still validates.
 */
@Singleton
public class MigrationComments implements FlywayConfigurationCustomizer {

    static final List<CommentOnlyEdits.Edit> EDITS = List.of(
            new CommentOnlyEdits.Edit("4", -417372977, 341838323),
            new CommentOnlyEdits.Edit("5", -959489905, -1216580947));

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(new CommentOnlyEdits(EDITS));
    }
}
