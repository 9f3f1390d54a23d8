package io.chainretail.agent.replica;

import io.chainretail.core.db.CommentOnlyEdits;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.List;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The agent's migrations whose comments were reworded after they had run (V2 and V7 named a design brief the
 * repository does not hold): a store database that ran them before still validates.
 */
@Singleton
public class MigrationComments implements FlywayConfigurationCustomizer {

    static final List<CommentOnlyEdits.Edit> EDITS = List.of(
            new CommentOnlyEdits.Edit("2", -647969536, -328182986),
            new CommentOnlyEdits.Edit("7", 2014686139, 34750077));

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(new CommentOnlyEdits(EDITS));
    }
}
