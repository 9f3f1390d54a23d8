package io.chainretail.devices.device;

/**
 * The one thread that owns a device's I/O: started once by {@link #start}, stopped by {@link #stop},
 * which interrupts it and waits for it to end. Its loop runs while {@link #running()}.
 */
public final class OwnerThread {

    private final String name;
    private volatile boolean running;
    private Thread thread;

    public OwnerThread(String name) {
        this.name = name;
    }

    public synchronized void start(Runnable loop) {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean running() {
        return running;
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
