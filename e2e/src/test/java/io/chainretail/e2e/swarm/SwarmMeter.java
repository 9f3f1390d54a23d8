package io.chainretail.e2e.swarm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** What the swarm's stores saw, summed over all of them: acknowledgements and their latency, deltas applied. */
public final class SwarmMeter {

    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder deltas = new LongAdder();
    private final List<Long> ackNanos = Collections.synchronizedList(new ArrayList<>());

    void acknowledged(long latencyNanos) {
        acknowledged.increment();
        ackNanos.add(latencyNanos);
    }

    void deltaApplied() {
        deltas.increment();
    }

    /** Events HQ acknowledged so far (each once, at its first acknowledgement). */
    public long acknowledged() {
        return acknowledged.sum();
    }

    public long deltasApplied() {
        return deltas.sum();
    }

    /** Milliseconds from each event's first send to its acknowledgement, since the last call. */
    public List<Double> takeAckMillis() {
        synchronized (ackNanos) {
            List<Double> millis = ackNanos.stream().map(n -> n / 1e6).toList();
            ackNanos.clear();
            return millis;
        }
    }
}
