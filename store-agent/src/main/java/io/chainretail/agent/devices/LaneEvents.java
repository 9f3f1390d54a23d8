package io.chainretail.agent.devices;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The push channel to each lane's till: every scan at the lane's scanner (or misread) goes to the
 * tills listening on that lane, as it happens. A till that is not listening misses nothing it needs:
 * a scan not seen is a scan the cashier repeats.
 */
@ApplicationScoped
public class LaneEvents {

    private final Map<String, BroadcastProcessor<StoreDevices.Scanned>> lanes = new ConcurrentHashMap<>();

    void onScan(@Observes StoreDevices.Scanned scan) {
        lane(scan.lane()).onNext(scan);
    }

    /**
     * The lane's scans for one listener, in order. A scanner can send many scans in one write, faster than
     * a listener asks for them (an SSE response asks one at a time); each listener buffers what it has not
     * asked for yet, since a processor without demand would fail the stream and lose the burst.
     */
    public Multi<StoreDevices.Scanned> of(String lane) {
        return lane(lane).onOverflow().bufferUnconditionally();
    }

    private BroadcastProcessor<StoreDevices.Scanned> lane(String lane) {
        return lanes.computeIfAbsent(lane, l -> BroadcastProcessor.create());
    }
}
