package org.qdl.sim.noise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs S shots of a noisy execution as groups of shots that share one jump pattern, each pattern
 * simulated once.
 *
 * <p>The execution is deterministic given its answers to {@link Trajectory#choose}. When m shots
 * reach a noise location with branch probabilities p, they split multinomially over the branches,
 * which is exactly what m independent shots do. The run continues with the first non-empty branch
 * and queues the others; a queued branch re-runs the execution from the start, replaying the
 * recorded choices up to its split, then continues on its own. Every distinct pattern is thus
 * simulated once with its multiplicity of shots; at low noise one pattern (no jump) carries most
 * shots. The split draws come from one generator in a fixed order, so results are seeded and
 * independent of the thread count.
 */
public final class TrajectoryRunner {
    /** One jump pattern: its execution's result and how many of the S shots follow it. */
    public record Group<T>(T result, long shots, int[] pattern) {}

    /** Most distinct patterns one run may simulate (each is a full execution). */
    public static final int MAX_GROUPS = 1 << 20;

    private TrajectoryRunner() {}

    private record Pending(int[] prefix, long shots) {}

    /** A trajectory that replays a prefix of choices, then splits its shots at each new location. */
    private static final class Splitter implements Trajectory {
        private final int[] prefix;
        private final SplittableRandom rng;
        private final Deque<Pending> queue;
        private int[] choices;
        private int depth;
        long shots;

        Splitter(Pending p, SplittableRandom rng, Deque<Pending> queue) {
            this.prefix = p.prefix;
            this.shots = p.shots;
            this.rng = rng;
            this.queue = queue;
            this.choices = Arrays.copyOf(p.prefix, Math.max(8, p.prefix.length * 2));
        }

        @Override
        public int choose(double[] probabilities) {
            if (depth < prefix.length) return prefix[depth++];
            long[] split = Binomial.multinomial(shots, probabilities, rng);
            int take = -1;
            for (int k = 0; k < split.length; k++) {
                if (split[k] == 0) continue;
                if (take < 0) {
                    take = k;
                } else {
                    int[] pre = Arrays.copyOf(choices, depth + 1);
                    pre[depth] = k;
                    queue.push(new Pending(pre, split[k]));
                }
            }
            if (take < 0) throw new IllegalStateException("no shots left at a noise location");
            shots = split[take];
            if (depth == choices.length) choices = Arrays.copyOf(choices, choices.length * 2);
            choices[depth++] = take;
            return take;
        }

        int[] pattern() {
            return Arrays.copyOf(choices, depth);
        }
    }

    /**
     * Runs {@code shots} shots. The execution receives the trajectory to consult and a supplier of
     * its group's final shot count (valid once every noise location has been passed, e.g. at the
     * measurement). Groups come back in the order they were simulated.
     */
    public static <T> List<Group<T>> run(long shots, long seed, Function<Run, T> execution) {
        if (shots < 1) throw new IllegalArgumentException("need at least one shot, got " + shots);
        SplittableRandom rng = new SplittableRandom(seed);
        Deque<Pending> queue = new ArrayDeque<>();
        queue.push(new Pending(new int[0], shots));
        List<Group<T>> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            if (out.size() >= MAX_GROUPS) {
                throw new org.qdl.sim.InvalidInputException("the noise is too strong to simulate: more than " + MAX_GROUPS
                        + " distinct jump patterns among " + shots + " shots");
            }
            Splitter s = new Splitter(queue.pop(), rng, queue);
            T result = execution.apply(new Run(s, out.size()));
            out.add(new Group<>(result, s.shots, s.pattern()));
        }
        return out;
    }

    /** What one execution of a group sees: its trajectory, its index, and its shot count. */
    public static final class Run {
        private final Splitter splitter;
        private final int index;

        Run(Splitter splitter, int index) {
            this.splitter = splitter;
            this.index = index;
        }

        public Trajectory trajectory() {
            return splitter;
        }

        /** 0 for the first group simulated. */
        public int index() {
            return index;
        }

        /** Shots of this group; final once the execution passed its last noise location. */
        public long shots() {
            return splitter.shots;
        }
    }
}
