package io.chainretail.e2e.swarm;

/**
 * A simulated store's replica of one feed: its position, applied strictly in sequence order as a store agent
 * applies it. The first delta a store sees sets its starting point (a swarm store joins the chain at that point
 * and has no history to catch up on); after it, an older delta is a duplicate and a newer one than the next is
 * a gap, counted (a store agent would ask HQ for what it missed; the load tests require none).
 */
final class FeedReplica {

    private long position;
    private long applied;
    private long duplicates;
    private long gaps;
    private long lastAppliedNanos;

    synchronized void offer(long seq, long arrivedNanos) {
        if (position != 0 && seq <= position) {
            duplicates++;
            return;
        }
        if (position != 0 && seq != position + 1) {
            gaps++;
        }
        position = seq;
        applied++;
        lastAppliedNanos = arrivedNanos;
    }

    synchronized long position() {
        return position;
    }

    synchronized long applied() {
        return applied;
    }

    synchronized long gaps() {
        return gaps;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long lastAppliedNanos() {
        return lastAppliedNanos;
    }
}
