package org.qdl.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qdl.cli.Main;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qdl reproduce}: runs every study of the paper (or --only some), checks each headline, and
 * writes OUT/report.md, OUT/report.json and OUT/&lt;study&gt;/ (JSON, CSV, plots, the commands' log).
 * With --resume OUT, finished studies are kept and the graph runs continue from their checkpoints.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Regenerates every claim of the paper into one report: inference scaling, hard instances, gradients,",
            "training, expressivity, linear, privacy, the GNN node and graph tables and the decision problem over the network.",
            "Each study checks its headline (slopes, exact agreements, accuracy floors); exit 1 if one fails."})
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class ModeChoice {
        @Option(names = "--quick", description = "small N, few epochs and folds: minutes on 2 cores (the default)")
        boolean quick;

        @Option(names = "--full", description = "the paper's sizes and the authors' schedules (graph sets: 350 epochs × 10 folds; hours)")
        boolean full;
    }

    @ArgGroup(exclusive = true)
    ModeChoice mode;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "run only these studies (comma-separated or repeated): ${COMPLETION-CANDIDATES}",
            completionCandidates = StudyNames.class)
    List<String> only;

    @Option(names = "--data", description = "data directory (default: ../shared/datasets if it exists, else $QDL_DATA, else ./data; "
            + "none: the embedded synthetic sets)")
    Path data;

    @Option(names = "--out", description = "report directory (default: runs/reproduce-quick or runs/reproduce-full)")
    Path out;

    @Option(names = "--resume", paramLabel = "OUT", description = "continue the report in OUT: finished studies are kept, the graph runs resume from their checkpoints")
    Path resume;

    /** The study names, for --help. */
    static final class StudyNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        StudyNames() {
            Studies.all().forEach(s -> add(s.name()));
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Mode m = mode != null && mode.full ? Mode.FULL : Mode.QUICK;
        if (resume != null && out != null && !resume.equals(out)) {
            throw new InvalidInputException("--resume " + resume + " and --out " + out + " name different directories");
        }
        if (resume != null && !Files.isDirectory(resume)) {
            throw new InvalidInputException("--resume: no report directory " + resume);
        }
        Path dir = resume != null ? resume : out != null ? out : Path.of(m == Mode.QUICK ? "runs/reproduce-quick" : "runs/reproduce-full");
        List<Study> studies = select();
        Path dataDir = dataDirectory();
        Files.createDirectories(dir);
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String commandLine = "qdl reproduce " + String.join(" ", args.subList(args.indexOf("reproduce") + 1, args.size()));
        Environment env = Environment.here(Path.of(""));
        err.printf("[reproduce] %s, %d studies into %s; data: %s; commit %s, Java %s, %d threads%n", m.name().toLowerCase(java.util.Locale.ROOT),
                studies.size(), dir, dataDir == null ? "none (embedded sets)" : dataDir, env.commit(), System.getProperty("java.version"), env.threads());
        long t0 = System.nanoTime();
        List<StudyResult> results = new ArrayList<>();
        double expectedLeft = studies.stream().mapToDouble(s -> Studies.expectedSeconds(s.name(), m)).sum(), expectedDone = 0;
        for (int i = 0; i < studies.size(); i++) {
            Study s = studies.get(i);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double rate = expectedDone > 0 ? elapsed / expectedDone : 1;
            err.printf("[reproduce] %d/%d %s (elapsed %.0f s, ETA %s)%n", i + 1, studies.size(), s.name(), elapsed, eta(rate * expectedLeft));
            err.flush();
            StudyResult r = StudyRunner.run(s, m, dataDir, dir, resume != null, msg -> {
                err.println("[reproduce]   " + s.name() + ": " + msg);
                err.flush();
            });
            results.add(r);
            double e = Studies.expectedSeconds(s.name(), m);
            expectedLeft -= e;
            expectedDone += e;
            err.printf("[reproduce] %s: %s, %s (%.1f s)%n", s.name(), r.status(), r.headlines().isEmpty() ? "no headline" : r.holds() ? "headline holds" : "HEADLINE FAILS",
                    r.seconds());
            ReportWriter.write(dir, m, commandLine, env, dataDir, results, (System.nanoTime() - t0) / 1e9);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        ReportWriter.write(dir, m, commandLine, env, dataDir, results, secs);
        spec.commandLine().getOut().println(ReportWriter.markdown(m, commandLine, env, dataDir, results, secs).lines()
                .filter(l -> l.startsWith("| [")).map(l -> l.replaceAll("\\]\\(#[^)]*\\)", "").replace("[", "")).reduce("", (a, b) -> a + b + "\n"));
        spec.commandLine().getOut().println("wrote " + dir.resolve("report.md") + " and " + dir.resolve("report.json"));
        List<String> failing = results.stream().filter(r -> !r.holds()).map(StudyResult::name).toList();
        if (!failing.isEmpty()) {
            err.println("reproduce: headline fails or study failed: " + String.join(", ", failing) + " (see " + dir.resolve("report.md") + ")");
            return Main.INTERNAL_ERROR;
        }
        return Main.OK;
    }

    private static String eta(double seconds) {
        return seconds < 120 ? Fmt.f("~%.0f s", seconds) : seconds < 7200 ? Fmt.f("~%.0f min", seconds / 60) : Fmt.f("~%.1f h", seconds / 3600);
    }

    private List<Study> select() {
        List<Study> all = Studies.all();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<Study> chosen = new ArrayList<>();
        for (String name : only) {
            Study s = all.stream().filter(x -> x.name().equals(name.strip())).findFirst().orElseThrow(() -> new InvalidInputException(
                    "--only: unknown study '" + name + "' (known: " + String.join(", ", all.stream().map(Study::name).toList()) + ")"));
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        return chosen;
    }

    private Path dataDirectory() {
        if (data != null) {
            if (!Files.isDirectory(data)) {
                throw new InvalidInputException("--data: no directory " + data);
            }
            return data;
        }
        Path shared = Path.of("..", "shared", "datasets");
        if (Files.isDirectory(shared)) {
            return shared;
        }
        String env = System.getenv("QDL_DATA");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Path.of(env);
        }
        return Files.isDirectory(Path.of("data")) ? Path.of("data") : null;
    }
}
