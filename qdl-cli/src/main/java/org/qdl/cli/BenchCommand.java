package org.qdl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.qdl.cli.options.Choices;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.Parallel;
import org.qdl.sim.bench.SimBenchmark;
import org.qdl.sim.kernel.Simd;
import org.qdl.sim.state.StateVector;
import org.qdl.sim.fusion.FusionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qdl bench …}: speed measurements (never part of the test suite). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed benchmarks.",
        subcommands = {BenchCommand.Sim.class, ProtocolBenchCommand.class, org.qdl.cli.learning.BenchGradientsCommand.class,
                org.qdl.cli.noise.NoiseBenchCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "sim", mixinStandardHelpOptions = true,
            description = "Seconds per gate and fraction of the measured streaming bandwidth for each gate kind,"
                    + " and a random layered circuit with and without gate fusion.")
    static final class Sim implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--qubits", split = ",", description = "register sizes for the per-gate table (default: ${DEFAULT-VALUE})",
                defaultValue = "20,24,26,28")
        List<Integer> qubits;

        @Option(names = "--circuit-qubits", split = ",", description = "register sizes for the random circuit (default: ${DEFAULT-VALUE}); see --no-circuit",
                defaultValue = "24,26")
        List<Integer> circuitQubits;

        @Option(names = "--depth", description = "layers of the random circuit (default: ${DEFAULT-VALUE})", defaultValue = "20")
        int depth;

        @Option(names = "--repeats", description = "timed repetitions per gate, median reported (default: ${DEFAULT-VALUE})", defaultValue = "5")
        int repeats;

        @Option(names = "--threads", description = "worker threads (default: all cores)")
        Integer threads;

        @Option(names = "--no-circuit", description = "skip the random circuit")
        boolean noCircuit;

        @Option(names = "--no-unfused", description = "skip the (slow) unfused run of the random circuit")
        boolean noUnfused;

        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Option(names = "--precision", split = ",", description = "amplitude types for the fused random circuit: double (complex128),"
                + " single (complex64) or both (default: ${DEFAULT-VALUE})", defaultValue = "double,single", converter = PrecisionSpelling.class)
        List<Precision> precision;

        @Option(names = "--block-bits", description = "qubits per fusion block (default: ${DEFAULT-VALUE}: 512 KiB of complex128)", defaultValue = "15")
        int blockBits;

        @Option(names = "--kernels", description = "simd (explicit vectors, needs jdk.incubator.vector, which ./qdl adds) or scalar (default: ${DEFAULT-VALUE})",
                defaultValue = "simd", converter = KernelsSpelling.class)
        KernelChoice kernels;

        enum Precision { DOUBLE, SINGLE }

        enum KernelChoice { SIMD, SCALAR }

        static final class PrecisionSpelling extends Choices<Precision> {
            PrecisionSpelling() {
                super("--precision: expected double or single, got '%s'", java.util.Map.of("DOUBLE", Precision.DOUBLE, "SINGLE", Precision.SINGLE), true);
            }
        }

        static final class KernelsSpelling extends Choices<KernelChoice> {
            KernelsSpelling() {
                super("--kernels must be simd or scalar, got '%s'", java.util.Map.of("SIMD", KernelChoice.SIMD, "SCALAR", KernelChoice.SCALAR), true);
            }
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            if (repeats < 1) throw new InvalidInputException("--repeats must be at least 1, got " + repeats);
            if (depth < 1) throw new InvalidInputException("--depth must be at least 1, got " + depth);
            for (int n : qubits) if (n < 6 || n > StateVector.MAX_QUBITS) throw new InvalidInputException("--qubits: " + n + " is outside 6.." + StateVector.MAX_QUBITS);
            for (int n : circuitQubits) if (n < 2 || n > StateVector.MAX_QUBITS) throw new InvalidInputException("--circuit-qubits: " + n + " is outside 2.." + StateVector.MAX_QUBITS);
            if (blockBits < 4 || blockBits > 24) throw new InvalidInputException("--block-bits must be in 4..24, got " + blockBits);
            fusion = new FusionOptions(blockBits, Math.min(5, blockBits / 2));
            if (threads != null && (threads < 1 || threads > 4096)) throw new InvalidInputException("--threads must lie in 1..4096, got " + threads);
            if (threads != null) Parallel.setThreads(threads);
            boolean simd = kernels == KernelChoice.SIMD;
            if (simd && !Simd.available()) throw new InvalidInputException("--kernels simd: not available here: " + Simd.describe());
            boolean before = Simd.setEnabled(simd);
            try {
                return measure(out, err);
            } finally {
                Simd.setEnabled(before);
            }
        }

        private FusionOptions fusion;

        private int measure(PrintWriter out, PrintWriter err) throws Exception {
            SimBenchmark b = new SimBenchmark(err, repeats);
            SplittableRandom rnd = new SplittableRandom(1);
            b.warmUp();
            List<SimBenchmark.GateRow> rows = new ArrayList<>();
            for (int n : qubits) {
                rows.addAll(b.gates(n, rnd));
                System.gc();
            }
            List<SimBenchmark.CircuitRow> circ = new ArrayList<>();
            for (int n : noCircuit ? List.<Integer>of() : circuitQubits) {
                boolean dbl = precision.contains(Precision.DOUBLE);
                circ.add(b.circuit(n, depth, dbl && !noUnfused, dbl, precision.contains(Precision.SINGLE), fusion));
                System.gc();
            }
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
            env.put("threads", Parallel.threads());
            env.put("kernels", Simd.describe());
            env.put("cores", Runtime.getRuntime().availableProcessors());
            env.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
            env.put("repeats", repeats);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("environment", env);
                List<Map<String, Object>> g = new ArrayList<>();
                for (var r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("qubits", r.n());
                    m.put("gate", r.gate());
                    m.put("seconds", r.seconds());
                    m.put("processCpuSeconds", r.cpuSeconds());
                    m.put("bytes", r.bytes());
                    m.put("bandwidthBytesPerSecond", r.bandwidth());
                    m.put("fractionOfBandwidth", r.fraction());
                    m.put("bandwidthPassCpuSeconds", r.passCpuSeconds());
                    m.put("cpuTimeFraction", r.cpuFraction());
                    g.add(m);
                }
                doc.put("gates", g);
                List<Map<String, Object>> c = new ArrayList<>();
                for (var r : circ) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("qubits", r.n());
                    m.put("depth", r.depth());
                    m.put("gates", r.gates());
                    m.put("unfusedSeconds", Double.isNaN(r.unfusedSeconds()) ? null : r.unfusedSeconds());
                    m.put("fusedSeconds", Double.isNaN(r.fusedSeconds()) ? null : r.fusedSeconds());
                    m.put("unfusedCpuSeconds", Double.isNaN(r.unfusedCpu()) ? null : r.unfusedCpu());
                    m.put("fusedCpuSeconds", Double.isNaN(r.fusedCpu()) ? null : r.fusedCpu());
                    m.put("compileSeconds", r.compileSeconds());
                    m.put("passes", r.passes());
                    m.put("fidelityFusedVsUnfused", Double.isNaN(r.fidelity()) ? null : r.fidelity());
                    m.put("fusedComplex64Seconds", Double.isNaN(r.fused32Seconds()) ? null : r.fused32Seconds());
                    m.put("fusedComplex64CpuSeconds", Double.isNaN(r.fused32Cpu()) ? null : r.fused32Cpu());
                    m.put("fidelityComplex64VsComplex128", Double.isNaN(r.fidelity32()) ? null : r.fidelity32());
                    m.put("fusionBlockBits", fusion.blockBits());
                    c.add(m);
                }
                doc.put("randomCircuit", c);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } else {
                out.printf("%s; %d threads; %s; median of %d%n", env.get("java"), Parallel.threads(), Simd.describe(), repeats);
                out.printf("%-4s %-9s %10s %8s %11s %9s %10s %9s%n", "n", "gate", "s/gate", "GB/s", "stream GB/s", "fraction",
                        "CPU s/gate", "CPU frac");
                for (var r : rows) {
                    out.printf("%-4d %-9s %10.5f %8.2f %11.2f %9.2f %10.5f %9.2f%n", r.n(), r.gate(), r.seconds(),
                            r.bytes() / r.seconds() / 1e9, r.bandwidth() / 1e9, r.fraction(), r.cpuSeconds(), r.cpuFraction());
                }
                if (!circ.isEmpty()) {
                    out.printf("%nrandom circuit (RX/RY/RZ on every qubit, then CZ on alternating neighbour pairs)%n");
                    out.printf("%-4s %5s %6s %10s %10s %12s %7s %10s %13s %11s %14s%n", "n", "depth", "gates", "unfused s", "fused s",
                            "fused c64 s", "passes", "compile s", "unfused CPU s", "fused CPU s", "c64 infidelity");
                    for (var r : circ) {
                        out.printf("%-4d %5d %6d %10.3f %10.3f %12.3f %7d %10.3f %13.2f %11.2f %14.1e%n", r.n(), r.depth(), r.gates(),
                                r.unfusedSeconds(), r.fusedSeconds(), r.fused32Seconds(), r.passes(), r.compileSeconds(), r.unfusedCpu(),
                                r.fusedCpu(), 1 - r.fidelity32());
                    }
                    out.printf("(complex128 = double, complex64 = single precision; infidelity 1 - |<c64|c128>|^2 of the normalised fused states; fusion blocks of %d qubits)%n",
                            fusion.blockBits());
                }
            }
            out.flush();
            return 0;
        }
    }
}
