package io.chainretail.agent.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts the commits that changed the replica, so that what checkout derives from rows that seldom change
 * (this store, tax classes, promotions) is read once per change instead of at every scan. Whoever
 * writes the replica calls {@link #changed()} after committing, or {@link #changesOnCommit()} inside
 * its transaction.
 */
@ApplicationScoped
public class ReplicaVersion {

    private final AtomicLong version = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;

    public ReplicaVersion(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void changed() {
        version.incrementAndGet();
    }

    /**
     * Moves the version once the current transaction has committed: moved any earlier, a reader could
     * cache the rows as they were before the commit under the new version.
     */
    public void changesOnCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changed();
                }
            }
        });
    }

    /** A value derived from the replica, read again only when the replica has changed since. */
    public <T> Cached<T> cached(Supplier<T> read) {
        return new Cached<>(read);
    }

    /** See {@link #cached}. */
    public final class Cached<T> {

        private record Entry<T>(long version, T value) {
        }

        private final Supplier<T> read;
        private volatile Entry<T> entry = new Entry<>(-1, null);

        private Cached(Supplier<T> read) {
            this.read = read;
        }

        public T get() {
            long now = version.get(); // before reading: a change during the read leaves the entry outdated
            Entry<T> current = entry;
            if (current.version() != now) {
                current = new Entry<>(now, read.get());
                entry = current;
            }
            return current.value();
        }
    }
}
