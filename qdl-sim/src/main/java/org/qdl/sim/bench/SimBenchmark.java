package org.qdl.sim.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.qdl.sim.gate.Circuit;
import org.qdl.sim.state.ComplexMatrix;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.gate.RandomCircuits;
import org.qdl.sim.gate.RandomUnitaries;
import org.qdl.sim.Parallel;
import org.qdl.sim.state.StateVector;
import org.qdl.sim.state.StateVector32;
import org.qdl.sim.fusion.FusionOptions;
import org.qdl.sim.fusion.FusedCircuit;

/**
 * The simulator benchmark behind {@code qdl bench sim}: per-gate seconds and bandwidth fractions,
 * and a random layered circuit with and without fusion. Bytes per gate count each amplitude the
 * gate must read and write once (16 bytes read + 16 written, complex128). Progress goes to the
 * writer given; the caller prints the rows.
 */
public final class SimBenchmark {
    private final PrintWriter err;
    private final int repeats;

    public SimBenchmark(PrintWriter err, int repeats) {
        if (repeats < 1) throw new org.qdl.sim.InvalidInputException("repeats must be at least 1, got " + repeats);
        this.err = err;
        this.repeats = repeats;
    }

    /** One gate kind at one n. */
    public record GateRow(int n, String gate, double seconds, double cpuSeconds, double bytes, double bandwidth,
                          double passCpuSeconds) {
        /** Bytes per second against the streaming pass's. */
        public double fraction() {
            return bytes / seconds / bandwidth;
        }

        /** The same fraction from CPU time: the gate's CPU cost against the bandwidth pass's. */
        public double cpuFraction() {
            return bytes / (32.0 * (1L << n)) * passCpuSeconds / cpuSeconds;
        }
    }

    /** The random circuit at one n: NaN where a path was not run. */
    public record CircuitRow(int n, int depth, int gates, double unfusedSeconds, double fusedSeconds,
                      double compileSeconds, int passes, double fidelity, double unfusedCpu, double fusedCpu,
                      double fused32Seconds, double fused32Cpu, double fidelity32) {}

    /** Runs every kernel and the fused path on a small register until the JIT has compiled them. */
    public void warmUp() {
        err.println("warming up the JIT (n = 16)…");
        err.flush();
        // 200 repetitions per gate kind: with 30, C2 was sometimes still compiling the large 2-qubit
        // kernels when n = 20 was timed (1 run in 3 gave 40× the time, with the compiler's CPU time)
        SimBenchmark quiet = new SimBenchmark(new PrintWriter(java.io.OutputStream.nullOutputStream()), 200);
        quiet.gates(16, new SplittableRandom(0));
        FusedCircuit f = FusedCircuit.compile(randomCircuit(16, 20, 0));
        for (int i = 0; i < 20; i++) f.apply(StateVector.zero(16));
        for (int i = 0; i < 20; i++) f.apply(StateVector32.zero(16));
    }

    /** Every gate kind at n qubits (one state of 2^n amplitudes). */
    public List<GateRow> gates(int n, SplittableRandom rnd) {
        err.printf("n=%d: allocating %d MiB%n", n, StateVector.bytesFor(n) >> 20);
        err.flush();
        StateVector s = StateVector.zeros(n);
        double[] re = s.realArray(), im = s.imagArray();
        double a = 1 / Math.sqrt(s.dimension());
        Arrays.fill(re, a);
        Arrays.fill(im, 0);
        double full = 32.0 * s.dimension();
        double bw = full / median(() -> rmw(re, im));
        err.printf("n=%d: streaming read-modify-write bandwidth %.2f GB/s%n", n, bw / 1e9);
        err.flush();
        Map<String, Gate> g = new LinkedHashMap<>();
        Map<String, Double> bytes = new LinkedHashMap<>();
        g.put("1q q0", MatrixGate.of("u", randomUnitary(2, rnd), 0));
        g.put("1q q1", MatrixGate.of("u", randomUnitary(2, rnd), 1));
        g.put("1q q2", MatrixGate.of("u", randomUnitary(2, rnd), 2));
        g.put("1q high", MatrixGate.of("u", randomUnitary(2, rnd), n - 1));
        g.put("2q dense", MatrixGate.of("u2", randomUnitary(4, rnd), 1, n - 2));
        // extra rows: the other two 2-qubit kernels (both targets inside a vector, both outside)
        g.put("2q low", MatrixGate.of("u2", randomUnitary(4, rnd), 0, 2));
        g.put("2q high", MatrixGate.of("u2", randomUnitary(4, rnd), n - 3, n - 1));
        g.put("c-1q", MatrixGate.controlled("cu", randomUnitary(2, rnd), new int[] {n - 1}, 0));
        g.put("cc-1q", MatrixGate.controlled("ccu", randomUnitary(2, rnd), new int[] {3, n - 3}, 1));
        double[] ph = {rnd.nextDouble(6), rnd.nextDouble(6), rnd.nextDouble(6), rnd.nextDouble(6)};
        g.put("diag 2q", new DiagonalGate("d", new int[] {0, n - 1}, ph));
        g.forEach((k, v) -> bytes.put(k, full));
        bytes.put("c-1q", full / 2);
        bytes.put("cc-1q", full / 4);
        List<GateRow> rows = new ArrayList<>();
        for (var e : g.entrySet()) {
            Gate gate = e.getValue();
            // The bandwidth pass is repeated next to each gate, so that both see the same machine load.
            double[] tg = new double[repeats], tb = new double[repeats];
            double cpu = 0, cpuPass = 0;
            gate.apply(s);
            for (int k = 0; k < repeats; k++) {
                double c0 = cpuSeconds();
                tb[k] = seconds(() -> rmw(re, im));
                double c1 = cpuSeconds();
                tg[k] = seconds(() -> gate.apply(s));
                cpu += cpuSeconds() - c1;
                cpuPass += c1 - c0;
            }
            Arrays.sort(tg);
            Arrays.sort(tb);
            double t = tg[repeats / 2];
            GateRow r = new GateRow(n, e.getKey(), t, cpu / repeats, bytes.get(e.getKey()), full / tb[repeats / 2], cpuPass / repeats);
            err.printf("n=%d: %-9s %.4f s  %.2f of bandwidth %.2f GB/s; CPU %.4f s, CPU-time fraction %.2f%n", n, r.gate(), t,
                    r.fraction(), r.bandwidth() / 1e9, r.cpuSeconds(), r.cpuFraction());
            err.flush();
            rows.add(r);
        }
        return rows;
    }

    /** A read-modify-write pass over both arrays, parallel like the kernels (a global phase). */
    private static void rmw(double[] re, double[] im) {
        final double c = Math.cos(1e-3), sn = Math.sin(1e-3);
        Parallel.forRange(re.length, (a, b) -> {
            for (int i = a; i < b; i++) {
                double xr = re[i], xi = im[i];
                re[i] = c * xr - sn * xi;
                im[i] = sn * xr + c * xi;
            }
        });
    }

    /** The benchmark circuit: depth layers of random rotations on every qubit, then alternating CZs. */
    private static Circuit randomCircuit(int n, int depth, long seed) {
        return RandomCircuits.layered(n, depth, new SplittableRandom(seed));
    }

    /**
     * The random circuit fused in complex128 ({@code dbl}) and/or complex64 ({@code single}), and
     * gate by gate ({@code unfused}, complex128); fidelities against the complex128 fused state.
     */
    public CircuitRow circuit(int n, int depth, boolean unfused, boolean dbl, boolean single, FusionOptions opts) {
        Circuit c = randomCircuit(n, depth, 2024 + n);
        long t0 = System.nanoTime();
        FusedCircuit f = FusedCircuit.compile(c, opts);
        double compile = (System.nanoTime() - t0) / 1e9;
        err.printf("circuit n=%d depth %d: %d gates -> %d passes (compiled in %.3f s)%n", n, depth, c.size(), f.passCount(), compile);
        err.flush();
        Best<StateVector32> b32 = single ? best(n, "fused complex64", () -> StateVector32.zero(n), f::apply) : null;
        double t32 = b32 == null ? Double.NaN : b32.seconds(), c32 = b32 == null ? Double.NaN : b32.cpu();
        StateVector32 s32 = b32 == null ? null : b32.state();
        if (!dbl) return new CircuitRow(n, depth, c.size(), Double.NaN, Double.NaN, compile, f.passCount(), Double.NaN, Double.NaN, Double.NaN, t32, c32, Double.NaN);
        Best<StateVector> b = best(n, "fused", () -> StateVector.zero(n), f::apply);
        StateVector fused = b.state();
        double tf = b.seconds(), cf = b.cpu(), cu = Double.NaN;
        err.flush();
        double fid32 = Double.NaN;
        if (s32 != null) {
            fid32 = Math.pow(s32.inner(fused).abs(), 2) / (s32.normSquared() * fused.normSquared());
            err.printf("circuit n=%d fidelity complex64 vs complex128 %.9f%n", n, fid32);
            s32 = null;
        }
        double tu = Double.NaN, fid = Double.NaN;
        if (unfused) {
            StateVector plain = StateVector.zero(n);
            double cpu0 = cpuSeconds();
            t0 = System.nanoTime();
            c.apply(plain);
            tu = (System.nanoTime() - t0) / 1e9;
            cu = cpuSeconds() - cpu0;
            err.printf("circuit n=%d unfused: %.2f CPU s%n", n, cu);
            fid = plain.fidelity(fused);
            err.printf("circuit n=%d unfused: %.3f s (fidelity fused vs unfused %.15f)%n", n, tu, fid);
            err.flush();
        }
        return new CircuitRow(n, depth, c.size(), tu, tf, compile, f.passCount(), fid, cu, cf, t32, c32, fid32);
    }

    /** The fastest of max(1, repeats/2) runs: its wall and CPU seconds, and the last run's state. */
    private record Best<S>(double seconds, double cpu, S state) {}

    private <S> Best<S> best(int n, String what, java.util.function.Supplier<S> fresh, java.util.function.Consumer<S> run) {
        double best = Double.POSITIVE_INFINITY, cpu = Double.NaN;
        S s = null;
        for (int r = 0; r < Math.max(1, repeats / 2); r++) {
            s = null; // let the previous state go before allocating the next
            s = fresh.get();
            double cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            run.accept(s);
            double t = (System.nanoTime() - t0) / 1e9, used = cpuSeconds() - cpu0;
            if (t < best) {
                best = t;
                cpu = used;
            }
            err.printf("circuit n=%d %s: %.3f s (%.2f CPU s)%n", n, what, t, used);
        }
        return new Best<>(best, cpu, s);
    }

    /**
     * CPU seconds used so far by all live threads of this JVM (nanosecond clocks). On a shared,
     * oversubscribed machine the wall time includes waiting for a core; CPU time does not.
     */
    private static double cpuSeconds() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) sum += t;
        }
        return sum / 1e9;
    }

    private static double seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private double median(Runnable r) {
        r.run(); // warm-up
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }

    private static ComplexMatrix randomUnitary(int d, SplittableRandom rnd) {
        return RandomUnitaries.haar(d, rnd);
    }
}
