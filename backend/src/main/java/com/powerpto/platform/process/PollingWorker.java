package com.powerpto.platform.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A background loop of the worker process: one thread that calls {@link #poll()}, then sleeps for
 * the interval (woken early by a stop), optionally after an initial delay. A failed pass is logged and
 * retried on the next poll; a stop lets the current pass finish within 20 s. Subclasses check
 * {@link #stopping()} between batches so a long pass ends early.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);

    private final String name;
    private final Duration interval;
    private final Duration initialDelay;
    private final Object wake = new Object();
    private volatile boolean stopping;
    private volatile Thread thread;

    protected PollingWorker(String name, Duration interval) {
        this(name, interval, Duration.ZERO);
    }

    protected PollingWorker(String name, Duration interval, Duration initialDelay) {
        this.name = name;
        this.interval = interval;
        this.initialDelay = initialDelay;
    }

    /** One pass over the due work. */
    protected abstract void poll();

    protected boolean stopping() {
        return stopping;
    }

    @Override
    public void start() {
        stopping = false;
        Thread t = new Thread(this::loop, name);
        thread = t;
        t.start();
        log.info("{} started (interval {}, initial delay {})", name, interval, initialDelay);
    }

    private void loop() {
        if (!sleep(initialDelay)) {
            return;
        }
        while (!stopping) {
            try {
                poll();
            } catch (RuntimeException e) {
                log.error("{} pass failed, retrying next poll: {}", name, e.toString(), e);
            }
            if (!sleep(interval)) {
                return;
            }
        }
    }

    /** Waits for the duration unless a stop wakes it; false when stopping. */
    private boolean sleep(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (wake) {
            try {
                long left;
                while (!stopping && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopping;
    }

    @Override
    public void stop() {
        stopping = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.warn("{} did not stop within 20 s; its open transaction rolls back when the process exits", name);
            }
        }
        thread = null;
        log.info("{} stopped", name);
    }

    @Override
    public void stop(Runnable callback) {
        stop();
        callback.run();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
