package com.powerpto.accrual;

import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the batches of a run or a recomputation on {@code pto.accrual.writers} connections at once.
 * The batches of one call touch disjoint balances, each commits alone, and PostgreSQL spends one
 * core per connection: one writer at a time left the database's second core idle during the
 * daily run and the recomputations (docs/decisions/0075).
 * <p>
 * The gate is asked in the calling thread before each batch starts; when it stops the run, the
 * batches already started finish (each commits or rolls back whole) before the stop is rethrown.
 * Results come back in the batches' order; {@code work} must not share unsynchronised state. The
 * batches may be made lazily (an iterator the calling thread runs while earlier batches are written).
 */
@Component
public class ParallelBatches implements DisposableBean {

    private final int writers;
    private final ExecutorService pool;

    public ParallelBatches(@Value("${pto.accrual.writers:2}") int writers) {
        this.writers = Math.max(1, writers);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.writers, r -> {
            Thread t = new Thread(r, "accrual-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int writers() {
        return writers;
    }

    public <T, R> List<R> run(Iterable<T> batches, BatchGate gate, Function<T, R> work) {
        List<R> results = new ArrayList<>();
        Deque<Future<R>> inFlight = new ArrayDeque<>();
        Map<String, String> context = MDC.getCopyOfContextMap();
        try {
            for (T batch : batches) {
                if (inFlight.size() == writers) {
                    results.add(await(inFlight.removeFirst()));
                }
                gate.beforeBatch(results.size() + inFlight.size());
                inFlight.addLast(pool.submit(() -> withContext(context, () -> work.apply(batch))));
            }
            while (!inFlight.isEmpty()) {
                results.add(await(inFlight.removeFirst()));
            }
            return results;
        } finally {
            inFlight.forEach(ParallelBatches::finish);
        }
    }

    /** Consecutive views of up to {@code size} items each (the last one shorter). */
    public static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    /**
     * Batches of up to {@code size} results made from {@code items} only when the next batch is asked
     * for, in the thread that asks (an item that gives nothing is skipped). Single use.
     */
    public static <T, R> Iterable<List<R>> madeOnDemand(Iterator<T> items, int size, Function<T, Optional<R>> make) {
        Iterator<List<R>> batches = new Iterator<>() {
            private List<R> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = new ArrayList<>(size);
                    while (next.size() < size && items.hasNext()) {
                        make.apply(items.next()).ifPresent(next::add);
                    }
                }
                return !next.isEmpty();
            }

            @Override
            public List<R> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<R> batch = next;
                next = null;
                return batch;
            }
        };
        return () -> batches;
    }

    private static <R> R withContext(Map<String, String> context, Supplier<R> work) {
        if (context != null) {
            MDC.setContextMap(context);
        }
        try {
            return work.get();
        } finally {
            MDC.clear();
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was being written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A batch already started is let finish, whatever stopped the run: it commits or rolls back whole. */
    private static void finish(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // its failure is not the one being reported
        }
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
