package io.chainretail.hq.stock;

import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.hq.cluster.Leadership;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Folds the stock book's pending movements into it on the leading instance, every second while the ingest is quiet
 * (see {@link FoldPace}), so that they never pile up between reads of the book (which fold first themselves).
 */
@ApplicationScoped
class StockFolding {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final StockBook book;
    private final FoldPace pace;
    private final Leadership leadership;
    private PeriodicTask task;

    StockFolding(StockBook book, FoldPace pace, Leadership leadership) {
        this.book = book;
        this.pace = pace;
        this.leadership = leadership;
    }

    void onStart(@Observes StartupEvent event) {
        task = leadership.whileLeading("stock-fold", EVERY, this::foldWhenDue);
    }

    private void foldWhenDue() {
        if (pace.due()) {
            book.catchUp();
            pace.folded();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }
}
