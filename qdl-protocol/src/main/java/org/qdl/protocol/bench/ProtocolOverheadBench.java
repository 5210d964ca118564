package org.qdl.protocol.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.qdl.protocol.Network;
import org.qdl.protocol.ObservableMeasurement;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.Layers;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.state.StateVector;

/**
 * Overhead of the protocol layer (parties, registers, channels, ledger, repeated executions) over
 * the bare simulator running the same circuit: encode x, apply L layers, sample S shots of O. The
 * two paths use the same layer objects and seeds and are timed alternately; medians are compared.
 * Behind {@code qdl bench protocol}.
 */
public final class ProtocolOverheadBench {
    private ProtocolOverheadBench() {}

    /** The project's target for the overhead of in-process parties over the bare simulator: at most 5% at n = 20. */
    public static final double TARGET = 0.05;
    /** Batches (each of {@link #MACHINERY_BATCH} executions) timed for the machinery-only figure; the minimum is kept. */
    public static final int MACHINERY_ROUNDS = 7;
    private static final int MACHINERY_BATCH = 2000;

    /**
     * One measurement. overhead: median of the paired ratios protocol/bare − 1 (the target's
     * figure); machinery: the protocol's own seconds per execution at n = 3, one shot.
     */
    public record Result(int n, int layers, int shots, int reps, int threads, double[] bareSeconds, double[] protocolSeconds,
                         double bareMedianSeconds, double protocolMedianSeconds, double overhead, double overheadOfMedians,
                         double overheadOfMinima, long ledgerQubitsRecorded, double machinerySecondsPerExecution,
                         double machineryShareOfBareMedian) {
        public double bareMin() { return min(bareSeconds); }
        public double bareMax() { return max(bareSeconds); }
        public double protocolMin() { return min(protocolSeconds); }
        public double protocolMax() { return max(protocolSeconds); }
    }

    /** Times both paths reps times after warmup untimed runs; progress lines go to {@code progress}. */
    public static Result run(int n, int layers, int shots, int reps, int warmup, PrintWriter progress) {
        if (n < 3 || n > 28) throw new InvalidInputException("-n must be between 3 and 28, got " + n);
        if (layers < 1 || shots < 1 || reps < 1 || warmup < 0) {
            throw new InvalidInputException("--layers, --shots and --reps must be positive and --warmup non-negative");
        }
        Setup big = setup(n, layers);
        double[] bare = new double[reps], proto = new double[reps];
        double checkBare = 0, checkProto = 0;
        for (int r = -warmup; r < reps; r++) {
            final long seed = r;
            double tb = 0, tp = 0;
            // Alternate which path goes first and collect garbage before each, so neither pays for
            // the other's allocations.
            for (int k = 0; k < 2; k++) {
                boolean bareNow = (k == 0) == (Math.floorMod(r, 2) == 0);
                System.gc();
                long t0 = System.nanoTime();
                if (bareNow) {
                    checkBare = big.bare(shots, seed);
                    tb = (System.nanoTime() - t0) / 1e9;
                } else {
                    checkProto = big.protocol(shots, seed);
                    tp = (System.nanoTime() - t0) / 1e9;
                }
            }
            if (r >= 0) {
                bare[r] = tb;
                proto[r] = tp;
            }
            if (checkBare != checkProto) break;
            progress.printf("[bench protocol] rep %d: bare %.3f s, protocol %.3f s%n", r, tb, tp);
            progress.flush();
        }
        if (checkBare != checkProto) throw new IllegalStateException("the two paths sampled different outcomes: " + checkBare + " vs " + checkProto);
        double mb = median(bare), mp = median(proto);
        // Paired: each repetition's two paths ran back to back under the same load, so the median of
        // their ratios is robust to load drift on a shared machine; it is the figure the target uses.
        double[] ratio = new double[reps];
        for (int r = 0; r < reps; r++) ratio[r] = proto[r] / bare[r];
        double overhead = median(ratio) - 1, overheadOfMedians = mp / mb - 1, overheadOfMins = min(proto) / min(bare) - 1;
        long qubits = big.net.ledger().totalQubits();
        // The protocol machinery's own cost per execution (registers, channels, ledger), measured
        // where simulation is negligible (n = 3, one shot): a noise-robust estimate of the overhead,
        // since in-process transfers hand the state over by reference and add no O(N) work.
        Setup tiny = setup(3, layers);
        int batch = MACHINERY_BATCH;
        double bestBare = Double.POSITIVE_INFINITY, bestProto = Double.POSITIVE_INFINITY;
        for (int round = 0; round < MACHINERY_ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < batch; i++) tiny.bare(1, i);
            long t1 = System.nanoTime();
            for (int i = 0; i < batch; i++) tiny.protocol(1, i);
            long t2 = System.nanoTime();
            bestBare = Math.min(bestBare, (t1 - t0) / 1e9 / batch);
            bestProto = Math.min(bestProto, (t2 - t1) / 1e9 / batch);
        }
        double machinery = Math.max(0, bestProto - bestBare), machineryShare = machinery / mb;
        return new Result(n, layers, shots, reps, org.qdl.sim.Parallel.threads(), bare, proto, mb, mp, overhead, overheadOfMedians,
                overheadOfMins, qubits, machinery, machineryShare);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    private static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(Double.NaN);
    }

    /** The same circuit twice: as bare simulator calls and as a two-party network. */
    private record Setup(double[] x, List<Layer> layers, Observable o, Network net, DistributedModel model) {
        double bare(int shots, long seed) {
            StateVector s = AmplitudeEncoding.encode(x).state();
            for (Layer l : layers) l.apply(s);
            return sum(ObservableMeasurement.sample(o, s, shots, seed));
        }

        double protocol(int shots, long seed) {
            return sum(net.repeated(shots, () -> {
                Register reg = model.forward(net, 0);
                return net.party("bob").measure("O", reg, shots, seed);
            }));
        }
    }

    private static Setup setup(int n, int layers) {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] x = new double[1 << n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        List<Layer> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) ls.add(Layers.hardwareEfficient(n, rnd));
        Observable o = PauliSum.parse("0.7 Z0 Z1 - 0.3 X2");
        Network net = new Network();
        var alice = net.addLocalParty("alice").holdData("x", x);
        var bob = net.addLocalParty("bob").holdObservable("O", o);
        DistributedModel.Builder b = DistributedModel.builder("alice", "x");
        for (int l = 0; l < layers; l++) {
            (l % 2 == 0 ? alice : bob).holdLayer("U" + l, ls.get(l));
            b.layer(l % 2 == 0 ? "alice" : "bob", "U" + l);
        }
        DistributedModel model = b.observable("bob", "O").build();
        model.validate(net);
        return new Setup(x, ls, o, net, model);
    }
}
