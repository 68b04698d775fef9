package com.powerpto.accrual;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelBatchesTest {

    private final ParallelBatches batches = new ParallelBatches(2);

    @AfterEach
    void stop() {
        batches.destroy();
    }

    @Test
    void runsTwoBatchesAtOnceAndAnswersInTheirOrder() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        java.util.Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> results = batches.run(IntStream.range(0, 10).boxed().toList(), OPEN, i -> {
            threads.add(Thread.currentThread().getName());
            bothStarted.countDown();
            await(bothStarted); // the first two batches only finish once both run at the same time
            sleepMillis(10 - i); // later batches finish first
            return i * i;
        });
        assertThat(results).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
        assertThat(threads).hasSize(2).allMatch(n -> n.startsWith("accrual-writer-"));
    }

    @Test
    void makesBatchesOnDemandInTheCallingThreadSkippingItemsThatGiveNothing() {
        List<String> makers = Collections.synchronizedList(new ArrayList<>());
        Iterable<List<Integer>> odd = ParallelBatches.madeOnDemand(IntStream.range(0, 10).boxed().iterator(), 2, i -> {
            makers.add(Thread.currentThread().getName());
            return i % 2 == 1 ? java.util.Optional.of(i) : java.util.Optional.empty();
        });
        assertThat(batches.run(odd, OPEN, List::copyOf)).containsExactly(List.of(1, 3), List.of(5, 7), List.of(9));
        assertThat(makers).hasSize(10).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aStopLetsTheBatchesAlreadyStartedFinishAndStartsNoOther() {
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        BatchGate stopAtTheThird = index -> {
            if (asked.getAndIncrement() == 2) {
                throw new BatchGate.StopRequested();
            }
        };
        assertThatThrownBy(() -> batches.run(List.of(1, 2, 3, 4), stopAtTheThird, i -> {
            sleepMillis(50);
            return finished.incrementAndGet();
        })).isInstanceOf(BatchGate.StopRequested.class);
        assertThat(finished).hasValue(2);
    }

    @Test
    void aBatchFailureReachesTheCallerAfterTheOthersInFlightEnd() {
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> batches.run(List.of(1, 2, 3), OPEN, i -> {
            if (i == 1) {
                throw new IllegalStateException("batch 1 failed");
            }
            sleepMillis(50);
            return finished.incrementAndGet();
        })).hasMessage("batch 1 failed");
        assertThat(finished).as("batch 2 was in flight and finished; batch 3 never started").hasValue(1);
        assertThat(batches.run(List.of(7), OPEN, i -> i)).containsExactly(7); // the writers are still there
    }

    private static final BatchGate OPEN = BatchGate.OPEN;

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void chunksAreConsecutiveViewsWithAShorterLastOne() {
        List<Integer> items = java.util.stream.IntStream.range(0, 7).boxed().toList();
        assertThat(ParallelBatches.chunks(items, 3)).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6));
        assertThat(ParallelBatches.chunks(items, 7)).containsExactly(items);
        assertThat(ParallelBatches.chunks(List.of(), 3)).isEmpty();
    }
}
