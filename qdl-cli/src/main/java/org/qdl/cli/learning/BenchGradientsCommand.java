package org.qdl.cli.learning;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.qdl.learning.gradient.AdjointDifferentiation;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.Layers;
import org.qdl.sim.state.AmplitudeEncoding;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.state.StateVector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times the adjoint gradient against forward passes. Target: P = 1000 parameters at n = 20 cost at
 * most 4 forward passes. Meant to hang under {@code qdl bench} as {@code qdl bench gradients}; until
 * then it is the standalone {@code qdl bench gradients}.
 */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = {"Benchmarks adjoint differentiation: time of one gradient of all P parameters divided by",
            "the time of one forward pass of the same circuit (hardware-efficient layers, 2n parameters each).",
            "Target: at most 4 forward passes at n = 20, P = 1000."})
public final class BenchGradientsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--qubits", description = "register size n (default ${DEFAULT-VALUE})", defaultValue = "20")
    int qubits;

    @Option(names = "--parameters", description = "parameter count P, rounded up to whole layers of 2n (default ${DEFAULT-VALUE})", defaultValue = "1000")
    int parameters;

    @Option(names = "--repeats", description = "timed repetitions; medians are reported (default ${DEFAULT-VALUE})", defaultValue = "3")
    int repeats;

    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Override
    public Integer call() {
        if (qubits < 2 || qubits > 26) throw new InvalidInputException("--qubits must lie in 2..26, got " + qubits);
        if (parameters < 1 || repeats < 1) throw new InvalidInputException("--parameters and --repeats must be positive");
        if (parameters > 1 << 20 || repeats > 1000) throw new InvalidInputException("--parameters at most 2^20 and --repeats at most 1000, got " + parameters + " and " + repeats);
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        SplittableRandom rnd = new SplittableRandom(seed);
        int perLayer = 2 * qubits, count = (parameters + perLayer - 1) / perLayer;
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < count; l++) layers.add(Layers.hardwareEfficient(qubits, rnd));
        double[] x = new double[1 << qubits];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        StateVector psi0 = AmplitudeEncoding.encode(x).state();
        PauliSum obs = PauliSum.parse("0.5 Z0 Z1 + 0.5 X2");
        double[] fwd = new double[repeats], adj = new double[repeats];
        ProgressBar bar = new ProgressBar(err, "bench gradients");
        for (int r = 0; r < repeats; r++) {
            StateVector s = psi0.copy();
            long t0 = System.nanoTime();
            for (Layer l : layers) l.apply(s);
            fwd[r] = (System.nanoTime() - t0) / 1e9;
            StateVector a = psi0.copy();
            t0 = System.nanoTime();
            double[] g = AdjointDifferentiation.gradient(a, layers, obs);
            adj[r] = (System.nanoTime() - t0) / 1e9;
            if (g.length != count * perLayer) throw new IllegalStateException("gradient has " + g.length + " components");
            bar.update(r + 1, repeats, "repeats");
        }
        bar.finish();
        double f = median(fwd), a = median(adj), ratio = a / f;
        o.printf("adjoint gradient: n = %d qubits, P = %d parameters (%d layers), %d threads, Java %s%n", qubits, count * perLayer, count,
                Parallel.threads(), System.getProperty("java.version"));
        o.printf("forward pass  %.3f s (median of %d)%nadjoint       %.3f s (median of %d)%nratio         %.2f forward passes (target ≤ 4: %s)%n",
                f, repeats, a, repeats, ratio, ratio <= 4 ? "met" : "NOT met");
        return 0;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
