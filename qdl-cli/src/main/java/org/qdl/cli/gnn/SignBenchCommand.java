package org.qdl.cli.gnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.qdl.gnn.data.NodeDataset;
import org.qdl.gnn.data.RandomNodeGraph;
import org.qdl.gnn.features.CsrMatrix;
import org.qdl.gnn.features.Diffusion;
import org.qdl.gnn.model.ParamOptimizer;
import org.qdl.gnn.model.SignNodeModel;
import org.qdl.gnn.train.NodeConfig;
import org.qdl.gnn.train.NodeTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qdl bench gnn-sign}: the SIGN precomputation (R sparse–dense products Â·X) at a data set's
 * size on a random graph, against the memory-traffic bound (CSR arrays + one read of X + one write
 * of the result, at the streaming bandwidth measured in the same run) and beside the dense GEMM
 * rate of the same run; then the peak heap of preparing and training one epoch of the authors'
 * node model at that size. Default: ogbn-arxiv's size.
 */
@Command(name = "gnn-sign", mixinStandardHelpOptions = true,
        description = "SIGN precomputation (SpMM) at ogbn-arxiv's size on a random graph vs the memory bound measured in the same run; peak heap of one training epoch.")
public final class SignBenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "169343")
    int nodes;

    @Option(names = "--edges", defaultValue = "1166243", description = "directed edges (symmetrised). Default: ${DEFAULT-VALUE}")
    int edges;

    @Option(names = "--features", defaultValue = "128")
    int features;

    @Option(names = "--hops", defaultValue = "5")
    int hops;

    @Option(names = "--train-epochs", defaultValue = "1", description = "training epochs for the peak heap (0: skip). Default: ${DEFAULT-VALUE}")
    int trainEpochs;

    @Option(names = "--json")
    Path json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (nodes < 40) throw new org.qdl.sim.InvalidInputException("--nodes must be at least 40 (the graph has ogbn-arxiv's 40 classes), got " + nodes);
        if (edges < 0) throw new org.qdl.sim.InvalidInputException("--edges must be ≥ 0, got " + edges);
        if (features < 1 || (long) nodes * features > Integer.MAX_VALUE) {
            throw new org.qdl.sim.InvalidInputException("--features must be ≥ 1 with nodes × features < 2^31, got " + features);
        }
        if (hops < 1 || hops > 64) throw new org.qdl.sim.InvalidInputException("--hops must lie in 1..64, got " + hops);
        if (trainEpochs < 0) throw new org.qdl.sim.InvalidInputException("--train-epochs must be ≥ 0, got " + trainEpochs);
        GnnBenchCommand.resetPeaks();
        long t0 = System.nanoTime();
        NodeDataset ds = RandomNodeGraph.generate(nodes, edges, features, 40, nodes * 537 / 1000, nodes * 176 / 1000, 1);
        err.printf("random graph: %d nodes, %d edges, %d features (%.1f s)%n", nodes, ds.graph().numEdges(), features, (System.nanoTime() - t0) / 1e9);
        DMatrixRMaj x = ds.features().toDense();
        CsrMatrix a = Diffusion.GCN.matrix(ds.graph());
        a.times(x); // warm-up
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long ts = System.nanoTime();
            Diffusion.GCN.diffuse(ds.graph(), x, hops);
            best = Math.min(best, (System.nanoTime() - ts) / 1e9);
        }
        double perHop = best / hops;
        long nnz = a.nonZeros();
        double bytes = nnz * 12.0 + (nodes + 1) * 4.0 + 2.0 * nodes * features * 8; // CSR, read X once, write Â·X
        double bw = streamBandwidth(nodes * features);
        double gflops = 2.0 * nnz * features / perHop / 1e9;
        DMatrixRMaj ga = GnnBenchCommand.randomMatrix(2048, features, new Random(1)), gb = GnnBenchCommand.randomMatrix(features, 512, new Random(2));
        double gemm = GnnBenchCommand.gemmRate(ga, gb, new DMatrixRMaj(2048, 512), false);
        double boundSeconds = bytes / (bw * 1e9);
        // without reuse of X's rows between neighbours (a random graph): one row of X per non-zero
        double gatherBytes = nnz * 12.0 + (nodes + 1) * 4.0 + nnz * (double) features * 8 + 2.0 * nodes * features * 8;
        double gatherSeconds = gatherBytes / (bw * 1e9);
        out.printf("SIGN precomputation, %d hops of Â·X (Â: %d x %d, %,d non-zeros; X: %d columns), best of 3:%n", hops, nodes, nodes, nnz, features);
        out.printf("  %.3f s per hop (%.2f s in all), %.2f GFLOP/s; memory bound %.3f s per hop (%.1f MB at %.1f GB/s stream): %.0f%% of the bound%n",
                perHop, best, gflops, boundSeconds, bytes / 1e6, bw, 100 * boundSeconds / perHop);
        out.printf("  gather bound (one row of X read per non-zero, no reuse): %.3f s per hop (%.1f MB): %.0f%% of it%n", gatherSeconds,
                gatherBytes / 1e6, 100 * gatherSeconds / perHop);
        out.printf("  dense GEMM in the same run (netlib %s, 2048x%d · %dx512): %.1f GFLOP/s; SpMM reaches %.0f%% of it (memory-bound: ~%.2f flop/byte)%n",
                org.qdl.gnn.model.Gemm.implementation(), features, features, gemm, 100 * gflops / gemm, 2.0 * nnz * features / bytes);
        Map<String, Object> js = new LinkedHashMap<>();
        js.put("nodes", nodes);
        js.put("edges", ds.graph().numEdges());
        js.put("nonZeros", nnz);
        js.put("features", features);
        js.put("hops", hops);
        js.put("secondsPerHop", perHop);
        js.put("gflops", gflops);
        js.put("boundSecondsPerHop", boundSeconds);
        js.put("streamGBs", bw);
        js.put("fractionOfBound", boundSeconds / perHop);
        js.put("gatherBoundSecondsPerHop", gatherSeconds);
        js.put("gemmGflops", gemm);
        x = null;
        if (trainEpochs > 0) {
            long tp = System.nanoTime();
            NodeConfig cfg = NodeConfig.authors("poly");
            NodeTrainer.Prepared p = NodeTrainer.prepare(ds, cfg);
            Random rnd = new Random(0);
            SignNodeModel m = new SignNodeModel(cfg.r() + 1, p.features(), cfg.hidden(), p.classes(), "poly", cfg.dropout(), cfg.inputDropout(), rnd);
            ParamOptimizer adam = new ParamOptimizer(m.params(), cfg.lr(), 0);
            DMatrixRMaj grad = new DMatrixRMaj(p.yTrain().length, p.classes());
            long te = System.nanoTime();
            for (int e = 0; e < trainEpochs; e++) {
                GnnBenchCommand.step(m, adam, p, grad, rnd);
            }
            NodeTrainer.predict(m, p.val());
            double epoch = (System.nanoTime() - te) / 1e9 / trainEpochs;
            long peak = GnnBenchCommand.peakHeap();
            out.printf("authors' node model (R = %d, hidden %d) at this size: prepare %.1f s, %.1f s per training epoch (+ one validation pass); "
                    + "peak heap %.2f GiB (sum of pool peaks, an upper bound; max heap %.1f GiB)%n", cfg.r(), cfg.hidden(),
                    (te - tp) / 1e9, epoch, peak / (double) (1L << 30), Runtime.getRuntime().maxMemory() / (double) (1L << 30));
            js.put("secondsPerEpoch", epoch);
            js.put("peakHeapBytes", peak);
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), js);
        }
        return 0;
    }

    /** GB/s of a triad a = b + s·c over arrays of n doubles (best of 5): 3 · 8n bytes per pass. */
    static double streamBandwidth(int n) {
        double[] a = new double[n], b = new double[n], c = new double[n];
        java.util.Arrays.fill(b, 1);
        java.util.Arrays.fill(c, 2);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                a[i] = b[i] + 0.5 * c[i];
            }
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return 24.0 * n / best / 1e9 + 0 * a[n / 2];
    }
}
