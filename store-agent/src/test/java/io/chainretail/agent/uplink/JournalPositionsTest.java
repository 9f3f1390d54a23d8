package io.chainretail.agent.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.DrawerOpened;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Journal positions are gap-free: a rolled-back change gives its position back, concurrent appends share none. */
@QuarkusTest
class JournalPositionsTest {

    @Inject
    Journal journal;

    @Test
    void aRolledBackChangeLeavesNoGapAndConcurrentChangesTakeEachPositionOnce() throws Exception {
        long first = append();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            journal.append("no-sale", MessageSchema.NO_SALE, noSale(), Instant.now());
            throw new IllegalStateException("the sale failed after its event was journaled");
        }));
        assertEquals(first + 1, append(), "the rolled-back position is taken again");

        ExecutorService tills = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> appended = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                appended.add(tills.submit(this::append));
            }
            List<Long> positions = new ArrayList<>();
            for (Future<Long> position : appended) {
                positions.add(position.get());
            }
            positions.sort(Long::compare);
            for (int i = 0; i < positions.size(); i++) {
                assertEquals(first + 2 + i, positions.get(i), "positions " + positions);
            }
        } finally {
            tills.shutdownNow();
        }
    }

    private long append() {
        return QuarkusTransaction.requiringNew().call(() -> journal.append("no-sale", MessageSchema.NO_SALE,
                noSale(), Instant.now()).position);
    }

    private static DrawerOpened noSale() {
        return new DrawerOpened("01", null, "1001", "9001", Instant.now(), "change for the float");
    }
}
