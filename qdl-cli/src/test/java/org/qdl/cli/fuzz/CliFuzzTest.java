package org.qdl.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command, found in picocli's command tree, run on bad values for its options (derived from
 * each option's type: numbers, names, input and output paths) and on mutated copies of the shipped
 * examples, a data set, party.json and a checkpoint. A correct answer is success, or exit 2 with one
 * line naming the problem as the last stderr line (progress may precede it) and no trace (exit 1 for a
 * write to /dev/full); a value accepted and then
 * worked on past the budget counts as accepted. Seeded: the same cases every run
 * (-Dqdl.fuzz.perCommand=N, -Dqdl.fuzz.seed=S for a wider sweep). A new command needs one fast valid
 * invocation in {@link #baselines}.
 */
class CliFuzzTest {
    static final int PER_COMMAND = Integer.getInteger("qdl.fuzz.perCommand", 4);
    static final long SEED = Long.getLong("qdl.fuzz.seed", 16);
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("qdl.fuzz.budgetSeconds", 5));
    /** Commands left out, with why. */
    static final Map<String, String> SKIP = Map.of("datasets download", "fetches from the network", "help", "prints usage only",
            "bench gnn", "one epoch of the Cora-sized model takes ~25 s on 2 cores", "gnn bench", "the same command as bench gnn");

    record Case(String command, List<String> args, BadValues.Value value, String what) {}

    @TempDir
    Path tmp;

    /** A fast, valid invocation of each command (seconds at most). */
    Map<String, List<String>> baselines(Path examples, Path data, Path state) {
        String t = tmp.toString();
        Map<String, List<String>> b = new LinkedHashMap<>();
        b.put("demo", List.of("-n", "5"));
        b.put("run", List.of(examples.resolve("bell.qasm").toString(), "--shots", "64"));
        b.put("scaling", List.of("--min-k", "4", "--max-k", "5", "--out", t + "/scaling"));
        b.put("infer", List.of("-n", "4", "-L", "2", "--epsilon", "0.3"));
        b.put("train", List.of("--n", "64", "--train", "8", "--test", "8", "--batch", "4", "--epochs", "1", "--out", t + "/train"));
        b.put("gradients", List.of("--n", "16", "--epsilons", "0.5", "--scaling-qubits", "5", "--p-max", "8", "--scaling-epsilon", "0.5", "--out", t + "/grad"));
        b.put("gnn train", List.of("--dataset", "csbm", "--seeds", "1", "--epochs", "2", "--hidden", "8", "--hops", "1", "--model", "poly"));
        b.put("gnn graphs", List.of("--dataset", "synthetic", "--epochs", "1", "--run-folds", "1", "--set", "hidden=8"));
        b.put("gnn decide", List.of("--dataset", "csbm", "--epochs", "2", "--hidden", "8", "--hops", "1", "--shots", "50"));
        b.put("datasets", List.of("--data", data.toString()));
        b.put("party serve", List.of("--name", "alice", "--listen", "127.0.0.1:0", "--state-dir", state.resolve("alice").toString(),
                "--secret-file", state.resolve("secret").toString()));
        b.put("party certs", List.of("--out", t + "/certs", "--parties", "alice,coordinator"));
        b.put("party example", List.of("--out", t + "/example", "-n", "4"));
        b.put("party infer", List.of("--local", "alice=" + state.resolve("alice"), "--local", "bob=" + state.resolve("bob"),
                "--data", "alice:x", "--stages", "alice:U1,bob:U2,alice:U3,bob:U4", "--observable", "bob:O", "--shots", "50"));
        b.put("expressivity", List.of("--max-depth", "2", "--teacher-depth", "1", "--train-points", "8", "--iterations", "20", "--restarts", "1", "--out", t + "/ex"));
        b.put("linear", List.of("--dims", "8", "--eps", "0.4", "--trials", "1", "--out", t + "/lin"));
        b.put("privacy", List.of("--n", "8", "--copies", "40", "--trials", "1", "--out", t + "/priv"));
        b.put("bench sim", List.of("--qubits", "8", "--circuit-qubits", "8", "--depth", "2", "--repeats", "1"));
        b.put("bench protocol", List.of("-n", "8", "--reps", "1", "--warmup", "0", "--shots", "50"));
        b.put("bench gradients", List.of("--qubits", "3", "--parameters", "6", "--repeats", "1"));
        b.put("bench net", List.of("--qubits", "4", "--layers", "2", "--repeats", "1", "--shots", "10", "--transfer-qubits", "4"));
        b.put("party bench", b.get("bench net")); // the same benchmarks under their modules' groups
        b.put("reproduce", List.of("--quick", "--only", "linear", "--out", t + "/reproduce"));
        b.put("bench gnn-sign", List.of("--nodes", "200", "--edges", "800", "--features", "8", "--hops", "2", "--train-epochs", "0"));
        b.put("model check", List.of(examples.resolve("models/fig2/model.json").toString()));
        b.put("bench model", List.of("-n", "6", "--shots", "50", "--reps", "1", "--warmup", "0"));
        b.put("noise", List.of("--min-k", "4", "--max-k", "6", "--at-k", "6", "--levels", "0,0.01", "--out", t + "/noise"));
        b.put("bench noise", List.of("-n", "6", "--shots", "50", "--repeats", "1", "--dm-qubits", "4"));
        return b;
    }

    @Test
    void everyCommandAnswersBadValuesAndDamagedFilesWithOneLineOrSuccess() throws Exception {
        Path root = repositoryRoot();
        Path examples = root.resolve("examples"), data = root.resolveSibling("shared").resolve("datasets");
        Path state = tmp.resolve("state");
        assertEquals(0, inProcess("party", "example", "--out", state.toString(), "-n", "4"));
        Files.writeString(state.resolve("secret"), "fuzz-secret-0123456789abcdef\n");
        Path ckRun = tmp.resolve("ck");
        assertEquals(0, inProcess("train", "--n", "64", "--train", "8", "--test", "8", "--batch", "4", "--epochs", "1", "--checkpoint-every", "1", "--out", ckRun.toString()));
        Path checkpoint;
        try (var s = Files.list(ckRun.resolve("checkpoints"))) {
            checkpoint = s.sorted().findFirst().orElseThrow();
        }
        Map<String, List<String>> base = baselines(examples, data, state);
        BadValues bad = new BadValues(Files.createDirectories(tmp.resolve("bad")));
        Random rng = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        List<String> missingBaselines = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : commands(Main.commandLine()).entrySet()) {
            String name = e.getKey();
            if (SKIP.containsKey(name)) continue;
            if (!base.containsKey(name)) {
                missingBaselines.add(name);
                continue;
            }
            List<Case> all = new ArrayList<>();
            for (ArgSpec a : e.getValue().getCommandSpec().args()) {
                if (a.isOption() && (((OptionSpec) a).usageHelp() || ((OptionSpec) a).versionHelp() || a.arity().max() == 0)) continue;
                String opt = a.isOption() ? ((OptionSpec) a).longestName() : null;
                for (BadValues.Value v : bad.of(a, opt)) all.add(new Case(name, with(base.get(name), opt, v.text()), v, (opt == null ? "<" + a.paramLabel() + ">" : opt) + " " + v.text()));
            }
            Collections.shuffle(all, rng);
            cases.addAll(all.subList(0, Math.min(PER_COMMAND, all.size())));
        }
        assertTrue(missingBaselines.isEmpty(), "no fuzz baseline for " + missingBaselines + ": add a fast valid invocation to CliFuzzTest.baselines");
        // damaged copies of the shipped and generated files, each through the command that reads it
        try (var s = Files.list(examples)) {
            for (Path ex : s.filter(Files::isRegularFile).sorted().toList()) { // examples/models: ModelFileFuzzTest, through model check
                for (int k = 0; k < 2; k++) {
                    Path m = tmp.resolve("bad").resolve(k + "-" + ex.getFileName());
                    Files.write(m, BadValues.mutate(Files.readAllBytes(ex), rng));
                    cases.add(new Case("run", List.of(m.toString(), "--shots", "64"), BadValues.Value.of(m.toString()), "mutated " + ex.getFileName()));
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            Path alice = bad.mutatedCopy(state.resolve("alice"), "party.json", "alice", rng);
            cases.add(new Case("party infer", with(base.get("party infer"), "--local", "alice=" + alice), BadValues.Value.of(""), "mutated party.json"));
            Path ck = bad.mutatedCopy(checkpoint.getParent(), checkpoint.getFileName().toString(), "checkpoints", rng);
            cases.add(new Case("train", List.of("--resume", ck.resolve(checkpoint.getFileName()).toString(), "--out", tmp.resolve("resumed").toString()),
                    BadValues.Value.of(""), "mutated checkpoint"));
        }
        String[] cora = {"cora.features.txt", "cora.labels.txt", "cora.edges.txt", "cora.train_idx.txt", "cora.val_idx.txt", "cora.test_idx.txt"};
        for (int k = 0; k < 3; k++) {
            Path copy = bad.mutatedCopy(data.resolve("cora"), "planetoid_text/" + cora[rng.nextInt(cora.length)], "cora", rng);
            cases.add(new Case("gnn train", List.of("--data", copy.getParent().toString(), "--dataset", "cora", "--format", "planetoid_text",
                    "--seeds", "1", "--epochs", "1", "--hidden", "8", "--hops", "1", "--model", "poly"), BadValues.Value.of(""), "mutated cora planetoid_text"));
        }
        for (String[] f : new String[][] {{"gin_format/MUTAG.txt", "gin_format"}, {"tu_raw/MUTAG_A.txt", "tu_raw"}, {"tu_raw/MUTAG_graph_labels.txt", "tu_raw"}}) {
            Path copy = bad.mutatedCopy(data.resolve("MUTAG"), f[0], "MUTAG", rng);
            cases.add(new Case("gnn graphs", List.of("--data", copy.getParent().toString(), "--dataset", "MUTAG", "--format", f[1], "--epochs", "1",
                    "--run-folds", "1", "--set", "hidden=8"), BadValues.Value.of(""), "mutated MUTAG " + f[0]));
        }
        Map<String, int[]> counts = new TreeMap<>(); // command -> tried, clean, accepted-but-long
        List<String> findings = new ArrayList<>();
        try (FuzzWorker w = new FuzzWorker(Files.createDirectories(tmp.resolve("cwd")))) {
            for (Case c : cases) {
                List<String> args = new ArrayList<>(List.of(c.command().split(" ")));
                args.addAll(c.args());
                FuzzWorker.Outcome o = w.run(args, BUDGET);
                int[] n = counts.computeIfAbsent(c.command(), k -> new int[3]);
                n[0]++;
                String problem = verdict(o, c.value());
                if (problem == null) n[1]++;
                else findings.add("qdl " + c.command() + " [" + c.what() + "]: " + problem);
                if (o.code() == FuzzWorker.Outcome.TIMED_OUT) n[2]++;
            }
        }
        StringBuilder table = new StringBuilder("fuzz (seed " + SEED + ", " + PER_COMMAND + " per command): command, tried, clean, of them accepted and still running at " + BUDGET.toSeconds() + " s\n");
        counts.forEach((k, n) -> table.append(String.format("  %-18s %3d %3d %3d%n", k, n[0], n[1], n[2])));
        System.out.print(table);
        assertTrue(findings.isEmpty(), findings.size() + " finding(s):\n" + String.join("\n", findings) + "\n" + table);
    }

    /** Null if the outcome is a correct answer, else what is wrong with it. */
    static String verdict(FuzzWorker.Outcome o, BadValues.Value v) {
        if (o.code() == 0 || o.code() == FuzzWorker.Outcome.TIMED_OUT) return null;
        // progress and notes may come first (on stderr, by design); the answer is the last line, and nothing is a trace
        List<String> lines = java.util.Arrays.stream(o.err().split("\\R|\r")).filter(l -> !l.isBlank()).toList();
        boolean trace = lines.stream().anyMatch(l -> l.startsWith("\tat ") || l.contains("internal error") || l.startsWith("Exception in thread"));
        boolean answered = !lines.isEmpty() && lines.get(lines.size() - 1).startsWith("qdl");
        if ((o.code() == 2 || v.alsoAccepted().contains(o.code())) && answered && !trace) return null;
        return "exit " + o.code() + " with " + lines.size() + " stderr line(s): " + String.join(" | ", lines.subList(0, Math.min(4, lines.size())));
    }

    /** The base invocation with option {@code opt} set to {@code value} (replaced where the base has it; null: the first positional). */
    static List<String> with(List<String> base, String opt, String value) {
        List<String> r = new ArrayList<>(base);
        if (opt == null) {
            if (!r.isEmpty() && !r.get(0).startsWith("-")) r.set(0, value);
            else r.add(0, value);
            return r;
        }
        for (int i = 0; i < r.size() - 1; i++) {
            if (r.get(i).equals(opt)) {
                r.set(i + 1, value);
                return r;
            }
        }
        r.add(opt);
        r.add(value);
        return r;
    }

    /** Every runnable command by qualified name (without "qdl "), groups that only hold subcommands left out. */
    static Map<String, CommandLine> commands(CommandLine cl) {
        return commands(cl, "");
    }

    /** By the names they are registered under (a command added under a second name keeps its spec's name). */
    private static Map<String, CommandLine> commands(CommandLine cl, String prefix) {
        Map<String, CommandLine> out = new TreeMap<>();
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            CommandLine sub = e.getValue();
            if (!e.getKey().equals(sub.getCommandName())) continue; // an alias
            String name = prefix + e.getKey();
            Object user = sub.getCommandSpec().userObject();
            boolean runnable = user instanceof Runnable || user instanceof java.util.concurrent.Callable;
            boolean group = !sub.getSubcommands().isEmpty();
            if (runnable && !(group && isUsageOnly(sub))) out.put(name, sub);
            out.putAll(commands(sub, name + " "));
        }
        return out;
    }

    /** A group whose own run only prints its usage (gnn, party, bench). */
    private static boolean isUsageOnly(CommandLine group) {
        return group.getCommandSpec().options().stream().noneMatch(o -> !o.usageHelp() && !o.versionHelp());
    }

    static int inProcess(String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".ci"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("repository root (with .ci) not found");
        return p;
    }
}
