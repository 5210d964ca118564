package org.qdl.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Data parallelism over index ranges. Reductions use a fixed chunking that does not depend on the
 * thread count, and combine partial results in chunk order, so every result is bit-for-bit
 * reproducible whether one thread or many ran it.
 */
public final class Parallel {
    /** Reduction chunk: fixed, so partial sums and their order never depend on the thread count. */
    public static final int REDUCE_CHUNK = 1 << 14;
    /** Below this many elements a loop runs on the calling thread. */
    public static final int MIN_PARALLEL = 1 << 15;

    private static volatile ForkJoinPool pool = newPool(defaultThreads());

    private Parallel() {}

    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    @FunctionalInterface
    public interface ChunkSum {
        double sum(int from, int to);
    }

    @FunctionalInterface
    public interface ChunkSum2 {
        /** Adds this chunk's two partial sums into {@code out[0]} and {@code out[1]}. */
        void sum(int from, int to, double[] out);
    }

    private static int defaultThreads() {
        String p = System.getProperty("qdl.threads", System.getenv("QDL_THREADS"));
        if (p != null && !p.isBlank()) {
            try {
                int t = Integer.parseInt(p.trim());
                if (t >= 1) return t;
            } catch (NumberFormatException ignored) {
                // fall through to the machine's count
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static ForkJoinPool newPool(int threads) {
        return new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("qdl-sim-" + t.getPoolIndex());
            return t;
        }, null, false);
    }

    public static int threads() {
        return pool.getParallelism();
    }

    /** Sets the worker count for all later kernels (1 = sequential). */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) throw new InvalidInputException("thread count must be at least 1, got " + threads);
        if (threads == pool.getParallelism()) return;
        ForkJoinPool old = pool;
        pool = newPool(threads);
        old.shutdown();
    }

    /** Runs body over [0, n) split into about 4 chunks per thread (aligned to {@code align}). */
    public static void forRange(int n, int align, RangeBody body) {
        forRange(n, align, MIN_PARALLEL, body);
    }

    private static void forRange(int n, int align, int minParallel, RangeBody body) {
        forRange(n, align, minParallel, 4, body);
    }

    private static void forRange(int n, int align, int minParallel, int chunksPerThread, RangeBody body) {
        int t = threads();
        if (t == 1 || n < minParallel || ForkJoinTask.getPool() == pool) {
            body.run(0, n);
            return;
        }
        int chunks = t * chunksPerThread;
        int step = Math.max(align, ((n / chunks + align - 1) / align) * align);
        List<RecursiveAction> tasks = new ArrayList<>();
        for (int from = 0; from < n; from += step) {
            final int a = from, b = Math.min(n, from + step);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(a, b);
                }
            });
        }
        pool.invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(tasks);
            }
        });
    }

    public static void forRange(int n, RangeBody body) {
        forRange(n, 1, body);
    }

    /**
     * Runs body over [0, n) where each element is already a large piece of work (a cache block of
     * many amplitudes): parallel from n = 2 on, instead of from {@link #MIN_PARALLEL} elements, in
     * up to 16 tasks per thread.
     */
    public static void forBlocks(int n, RangeBody body) {
        // Many small tasks: a worker descheduled on a shared machine holds up little work.
        forRange(n, 1, 2, 16, body);
    }

    /** Deterministic sum over [0, n): chunks of {@link #REDUCE_CHUNK}, combined in order. */
    public static double sum(int n, ChunkSum fn) {
        int chunks = (n + REDUCE_CHUNK - 1) / REDUCE_CHUNK;
        double[] partial = new double[chunks];
        forRange(chunks, 1, 2, (a, b) -> {
            for (int c = a; c < b; c++) {
                int from = c * REDUCE_CHUNK;
                partial[c] = fn.sum(from, Math.min(n, from + REDUCE_CHUNK));
            }
        });
        double s = 0;
        for (double p : partial) s += p;
        return s;
    }

    /** Deterministic pair of sums (e.g. real and imaginary parts), as {@link #sum}. */
    public static double[] sum2(int n, ChunkSum2 fn) {
        int chunks = (n + REDUCE_CHUNK - 1) / REDUCE_CHUNK;
        double[] partial = new double[2 * chunks];
        forRange(chunks, 1, 2, (a, b) -> {
            double[] out = new double[2];
            for (int c = a; c < b; c++) {
                int from = c * REDUCE_CHUNK;
                out[0] = 0;
                out[1] = 0;
                fn.sum(from, Math.min(n, from + REDUCE_CHUNK), out);
                partial[2 * c] = out[0];
                partial[2 * c + 1] = out[1];
            }
        });
        double s0 = 0, s1 = 0;
        for (int c = 0; c < chunks; c++) {
            s0 += partial[2 * c];
            s1 += partial[2 * c + 1];
        }
        return new double[] {s0, s1};
    }
}
