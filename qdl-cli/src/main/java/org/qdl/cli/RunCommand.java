package org.qdl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliSum;
import org.qdl.sim.qasm.QasmProgram;
import org.qdl.sim.qasm.QasmRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qdl run FILE.qasm}: simulates an OpenQASM 2.0 program exactly, prints counts and expectation values. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an OpenQASM 2.0 program on the exact state-vector simulator.",
            "Prints measurement counts over the classical registers (full-register",
            "bitstrings, qubit n-1 first, if the program never measures) and exact",
            "expectation values of Pauli observables on the final state before terminal",
            "measurements (after the last shot if the program measures mid-circuit,",
            "resets or branches)."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.qasm", description = "OpenQASM 2.0 source (include \"qelib1.inc\" is built in).")
    Path file;

    @Option(names = "--shots", paramLabel = "N", defaultValue = "1024", description = "Shots to sample (default: ${DEFAULT-VALUE}).")
    int shots;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed; the same seed gives the same counts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--expect", paramLabel = "OBS",
            description = "Observable whose exact expectation value to print, e.g. \"Z0 Z1\" or \"0.5 X0 - Z2\" (global qubit indices; repeatable).")
    List<String> expect = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Option(names = "--fuse", description = "Apply the gates in fused, cache-blocked passes (same result to rounding; faster from ~20 qubits).")
    boolean fuse;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "double",
            description = "double (complex128) or single (complex64 amplitudes while the circuit runs: half the bytes per pass,"
                    + " about 1e-7 error per gate; implies --fuse; programs without mid-circuit measure/reset/if; the final state"
                    + " is then copied to complex128 for sampling and expectation values) (default: ${DEFAULT-VALUE}).")
    String precision;

    @Override
    public Integer call() throws Exception {
        if (shots < 0) throw new InvalidInputException("--shots must be non-negative, got " + shots);
        QasmProgram program = QasmProgram.load(file);
        List<PauliSum> observables = new ArrayList<>();
        for (String e : expect) {
            // indices are checked against this circuit's register first (the parser knows only the simulator's limit)
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[IXYZixyz](\\d{1,9})").matcher(e);
            while (m.find()) {
                int q = Integer.parseInt(m.group(1));
                if (q >= program.numQubits()) {
                    throw new InvalidInputException("--expect \"" + e + "\": qubit " + q + " is outside the circuit's qubits 0.." + (program.numQubits() - 1)
                            + " (" + file + " has " + program.numQubits() + " qubit(s))");
                }
            }
            observables.add(PauliSum.parse(e));
        }
        for (int i = 0; i < observables.size(); i++) {
            try {
                observables.get(i).requireFits(program.numQubits());
            } catch (InvalidInputException ex) {
                throw new InvalidInputException("--expect \"" + expect.get(i) + "\": " + ex.getMessage());
            }
        }
        QasmRunner.Mode mode = switch (precision) {
            case "double" -> fuse ? QasmRunner.Mode.FUSED : QasmRunner.Mode.GATES;
            case "single" -> QasmRunner.Mode.FUSED_COMPLEX64;
            default -> throw new InvalidInputException("--precision must be double or single, got '" + precision + "'");
        };
        if (fuse && program.isDynamic()) {
            spec.commandLine().getErr().println("qdl run: note: --fuse applies to programs without mid-circuit measure, reset or if;"
                    + " this one is simulated shot by shot, gate by gate");
        }
        QasmRunner.Result r = QasmRunner.run(program, shots, seed, mode);
        double[] values = new double[observables.size()];
        for (int i = 0; i < values.length; i++) values[i] = observables.get(i).expectation(r.state());
        PrintWriter out = spec.commandLine().getOut();
        if (json) printJson(out, r, values);
        else printTables(out, r, values);
        out.flush();
        return Main.OK;
    }

    private String stateNote(QasmRunner.Result r) {
        return r.stateIsExact() ? "final state before terminal measurements"
                : "state at the end of the last shot (the program measures mid-circuit, resets or branches)";
    }

    private void printTables(PrintWriter out, QasmRunner.Result r, double[] values) {
        QasmProgram p = r.program();
        out.printf(Locale.ROOT, "%s: %d qubit(s), %d classical bit(s); %d shot(s), seed %d%s%n", file, p.numQubits(), p.numClbits(), r.shots(), r.seed(),
                precision.equals("single") ? "; complex64 amplitudes" : "");
        if (r.shots() > 0) {
            String head = p.measures() ? "outcome (" + cregHeader(p) + ")" : "bitstring (q" + (p.numQubits() - 1) + "…q0)";
            int w = Math.max(head.length(), r.counts().keySet().stream().mapToInt(String::length).max().orElse(0));
            out.printf(Locale.ROOT, "%-" + w + "s  %8s  %9s%n", head, "count", "frequency");
            for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
                out.printf(Locale.ROOT, "%-" + w + "s  %8d  %9.5f%n", e.getKey(), e.getValue(), e.getValue() / (double) r.shots());
            }
        }
        if (values.length > 0) {
            out.println();
            out.println("expectation values (" + (precision.equals("single") ? "exact on the complex64 result, renormalised" : "exact")
                    + ") on the " + stateNote(r) + ":");
            int w = Math.max("observable".length(), expect.stream().mapToInt(String::length).max().orElse(0));
            out.printf(Locale.ROOT, "%-" + w + "s  %s%n", "observable", "value");
            for (int i = 0; i < values.length; i++) out.printf(Locale.ROOT, "%-" + w + "s  % .12f%n", expect.get(i), values[i]);
        }
    }

    private static String cregHeader(QasmProgram p) {
        StringBuilder sb = new StringBuilder();
        for (int i = p.cregs().size() - 1; i >= 0; i--) sb.append(sb.length() > 0 ? " " : "").append(p.cregs().get(i).name());
        return sb.toString();
    }

    private void printJson(PrintWriter out, QasmRunner.Result r, double[] values) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        QasmProgram p = r.program();
        root.put("file", file.toString());
        root.put("qubits", p.numQubits());
        root.put("clbits", p.numClbits());
        root.put("shots", r.shots());
        root.put("seed", r.seed());
        root.put("precision", precision.equals("single") ? "complex64" : "complex128");
        root.put("countsOver", p.measures() ? "classical registers (last declared leftmost)" : "full register (qubit n-1 leftmost)");
        ObjectNode counts = root.putObject("counts");
        r.counts().forEach(counts::put);
        root.put("state", r.stateIsExact() ? "pre-measurement" : "last-shot");
        ArrayNode ex = root.putArray("expectations");
        for (int i = 0; i < values.length; i++) ex.addObject().put("observable", expect.get(i)).put("value", values[i]);
        out.println(m.writeValueAsString(root));
    }
}
