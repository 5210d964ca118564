package org.qdl.cli.noise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.qdl.cli.Main;
import org.qdl.cli.protocol.TextTable;
import org.qdl.protocol.noise.NoiseBench;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.noise.DensityMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qdl bench noise}: trajectory cost against the noiseless execution, and the density matrix. */
@Command(name = "noise", mixinStandardHelpOptions = true,
        description = {"Cost of one quantum trajectory (an execution of the example model with sampled jumps) against one",
                "noiseless execution at n qubits, and the density-matrix backend (one layer as UρU†, one depolarising",
                "channel on every qubit, the whole noisy model) at small n."})
public final class NoiseBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-n", defaultValue = "20", description = "qubits of the trajectory runs (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = {"-L", "--layers"}, defaultValue = "4", description = "hardware-efficient layers (default ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--noise", split = ";", defaultValue = "depolarizing:0.001;depolarizing:0.01;amplitude-damping:0.001",
            description = "link noise specs, ';'-separated (default ${DEFAULT-VALUE})")
    List<String> noises;

    @Option(names = "--shots", defaultValue = "1000", description = "shots of the noisy run (default ${DEFAULT-VALUE})")
    long shots;

    @Option(names = "--repeats", defaultValue = "3", description = "timed runs, the best reported (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--dm-qubits", split = ",", defaultValue = "10,12", description = "density-matrix sizes (default ${DEFAULT-VALUE})")
    List<Integer> dmQubits;

    @Option(names = "--json", description = "print JSON instead of tables")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (n < 3 || n > 26) throw new InvalidInputException("-n must lie in 3..26, got " + n);
        if (shots < 1 || repeats < 1) throw new InvalidInputException("--shots and --repeats must be positive");
        for (int q : dmQubits) if (q < 3 || q > DensityMatrix.MAX_QUBITS) throw new InvalidInputException("--dm-qubits must lie in 3.." + DensityMatrix.MAX_QUBITS + ", got " + q);
        for (String s : noises) org.qdl.protocol.noise.LinkNoise.parse(s);
        List<Object> rows = NoiseBench.run(n, layers, noises, shots, repeats, dmQubits, m -> {
            err.println("[bench noise] " + m);
            err.flush();
        });
        if (json) {
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            return Main.OK;
        }
        TextTable t = new TextTable("n", "link noise", "shots", "trajectories", "noiseless execution s", "per trajectory s", "ratio",
                "noisy run s", "noiseless run s");
        TextTable d = new TextTable("n", "layer UρU† s", "depolarising on all qubits s", "whole noisy model s");
        for (Object r : rows) {
            if (r instanceof NoiseBench.TrajectoryRow x) {
                t.row(x.n(), x.noise(), x.shots(), x.trajectories(), String.format("%.4f", x.cleanSeconds()), String.format("%.4f", x.perTrajectorySeconds()),
                        String.format("%.2f", x.ratio()), String.format("%.2f", x.noisyRunSeconds()), String.format("%.3f", x.cleanRunSeconds()));
            } else if (r instanceof NoiseBench.DensityRow x) {
                d.row(x.n(), String.format("%.3f", x.layerSeconds()), String.format("%.3f", x.channelSeconds()), String.format("%.3f", x.modelSeconds()));
            }
        }
        t.print(o, "");
        o.println("ratio: seconds per simulated trajectory over one noiseless execution (encode, layers, hops, one measurement).");
        o.println();
        d.print(o, "");
        return Main.OK;
    }
}
