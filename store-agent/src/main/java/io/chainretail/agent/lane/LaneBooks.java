package io.chainretail.agent.lane;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Numbers a lane's documents. Each call locks the lane's counter row until the caller's transaction
 * ends, so numbers are unique and, since a rolled-back transaction rolls its number back too, gap-free.
 * The lock also serializes a lane's shift opening and closing.
 */
@ApplicationScoped
public class LaneBooks {

    @Transactional(Transactional.TxType.MANDATORY)
    public long nextReceipt(String lane) {
        LaneCounter counter = locked(lane);
        return ++counter.lastReceipt;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long nextZ(String lane) {
        LaneCounter counter = locked(lane);
        return ++counter.lastZ;
    }

    /** Holds the lane's lock for the rest of the transaction; returns its last receipt number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long lock(String lane) {
        return locked(lane).lastReceipt;
    }

    private static LaneCounter locked(String lane) {
        LaneCounter counter = LaneCounter.findById(lane, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new LaneCounter();
            counter.lane = lane;
            counter.persist();
            counter = LaneCounter.findById(lane, LockModeType.PESSIMISTIC_WRITE);
        }
        return counter;
    }
}
