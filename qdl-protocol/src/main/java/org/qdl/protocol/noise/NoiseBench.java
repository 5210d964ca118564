package org.qdl.protocol.noise;

import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.Network;
import org.qdl.protocol.Party;
import org.qdl.protocol.Register;
import org.qdl.protocol.model.AlternatingModel;
import org.qdl.protocol.model.DistributedModel;
import org.qdl.sim.noise.DensityMatrix;
import org.qdl.sim.noise.PauliChannel;

/**
 * Speed of the noisy simulation ({@code qdl bench noise}): the cost of one quantum trajectory
 * against one noiseless execution of the example model, and the density matrix at small n. Each
 * figure is the best of {@code repeats} runs (the least disturbed by other load on the machine):
 * per trajectory, a noisy run's time over the patterns it simulated; noiseless, the mean of as
 * many executions (up to 20), each sampling an average group's shots.
 */
public final class NoiseBench {
    /** One trajectory row: seconds per noiseless execution and per simulated trajectory, and their ratio. */
    public record TrajectoryRow(int n, String noise, long shots, int trajectories, double cleanSeconds, double perTrajectorySeconds,
            double ratio, double noisyRunSeconds, double cleanRunSeconds) {}

    /** One density-matrix row: UρU† of one layer, one depolarising channel on all qubits, the whole model. */
    public record DensityRow(int n, double layerSeconds, double channelSeconds, double modelSeconds) {}

    private NoiseBench() {}

    /** Mean seconds of {@code count} noiseless executions (encode, layers, hops, sampling {@code shots} outcomes). */
    private static double cleanExecution(Network net, DistributedModel model, long shots, int count) {
        Party o = net.party(model.observableParty());
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            net.offTheRecord(() -> {
                Register r = model.forward(net, 0);
                return o.measure(model.observableKey(), r, (int) shots, 1);
            });
        }
        return (System.nanoTime() - t0) / 1e9 / count;
    }

    public static TrajectoryRow trajectories(int n, int layers, String noise, long shots, int repeats) {
        AlternatingModel.Example ex = AlternatingModel.build(n, layers, true, false, 1);
        Network net = ex.network();
        DistributedModel model = ex.model();
        Party o = net.party(model.observableParty());
        Network.ShotExecution exec = (s, seed) -> o.measure(model.observableKey(), model.forward(net, 0), s.getAsInt(), seed);
        long t0 = System.nanoTime();
        net.shots(shots, 1, exec);
        double cleanRun = (System.nanoTime() - t0) / 1e9;
        net.setLinkNoise("alice", "bob", LinkNoise.parse(noise));
        net.shots(Math.max(1, shots / 10), 3, exec); // warm-up of the noisy path
        double best = Double.POSITIVE_INFINITY, noisyRun = 0;
        int traj = 1;
        for (int i = 0; i < repeats; i++) {
            t0 = System.nanoTime();
            net.shots(shots, 2 + i, exec);
            double t = (System.nanoTime() - t0) / 1e9;
            int g = net.lastTrajectories();
            if (t / g < best) {
                best = t / g;
                noisyRun = t;
                traj = g;
            }
        }
        net.setLinkNoise("alice", "bob", LinkNoise.NONE);
        // Like for like: as many noiseless executions, each sampling an average group's shots; best of the repeats.
        long perGroup = Math.max(1, shots / traj);
        double clean = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) clean = Math.min(clean, cleanExecution(net, model, perGroup, Math.min(traj, 20)));
        return new TrajectoryRow(n, noise, shots, traj, clean, best, best / clean, noisyRun, cleanRun);
    }

    public static DensityRow density(int n, int layers) {
        AlternatingModel.Example ex = AlternatingModel.build(n, layers, true, false, 1);
        int[] all = new int[n];
        for (int q = 0; q < n; q++) all[q] = q;
        DensityMatrix rho = DensityMatrix.pure(org.qdl.sim.state.StateVector.zero(n));
        var layer = ((org.qdl.protocol.LocalParty) ex.network().party("alice")).ownLayer("U1");
        long t0 = System.nanoTime();
        rho.applyUnitary(layer::apply);
        double lt = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        rho.apply(PauliChannel.depolarizing(0.01), all);
        double ct = (System.nanoTime() - t0) / 1e9;
        ex.network().setLinkNoise("alice", "bob", LinkNoise.parse("depolarizing:0.01"));
        t0 = System.nanoTime();
        DensityReference.expectation(ex.network(), ex.model());
        double mt = (System.nanoTime() - t0) / 1e9;
        return new DensityRow(n, lt, ct, mt);
    }

    /** The default rows: trajectories at n for each noise spec, density matrices at each of {@code dmQubits}. */
    public static List<Object> run(int n, int layers, List<String> noises, long shots, int repeats, List<Integer> dmQubits,
            java.util.function.Consumer<String> progress) {
        List<Object> rows = new ArrayList<>();
        for (String s : noises) {
            progress.accept("trajectories, n = " + n + ", " + s);
            rows.add(trajectories(n, layers, s, shots, repeats));
        }
        for (int q : dmQubits) {
            progress.accept("density matrix, n = " + q);
            rows.add(density(q, layers));
        }
        return rows;
    }
}
