package org.tandem.testsupport.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Many calls let go together, each on a thread of its own, so that they race as parallel requests do. */
public final class AllAtOnce {

    private static final long TIMEOUT_SECONDS = 90;

    private AllAtOnce() {
    }

    /**
     * What calls {@code 0} to {@code count - 1} of {@code call} returned, in that order; each thread waits for
     * all the others to be ready before it calls.
     *
     * @throws java.util.concurrent.ExecutionException a call threw
     * @throws java.util.concurrent.TimeoutException   the calls took more than 90 s
     */
    public static <T> List<T> run(int count, IntFunction<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(threads.submit(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return call.apply(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : pending) {
                results.add(result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
