package org.qdl.cli.gnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.qdl.gnn.data.Datasets;
import org.qdl.gnn.data.NodeDataset;
import org.qdl.gnn.model.CrossEntropy;
import org.qdl.gnn.model.ParamOptimizer;
import org.qdl.gnn.model.SignNodeModel;
import org.qdl.gnn.train.NodeConfig;
import org.qdl.gnn.train.NodeTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qdl gnn bench}: seconds per training epoch on Cora at the default size, achieved GFLOP/s
 * against the dense matrix-multiply throughput of the library the epoch uses (netlib JavaBLAS, see
 * Gemm) on the same shape in the same run (EJML's is printed beside it), and the peak
 * heap of a Cora training run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "One training epoch of the default Cora model: seconds, GFLOP/s vs dense GEMM in the same run, peak heap.")
public final class GnnBenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    org.qdl.cli.options.GnnDataOption data;

    @Option(names = "--dataset", defaultValue = "cora")
    String dataset;

    @Option(names = "--epochs", defaultValue = "30", description = "timed epochs (after warm-up). Default: ${DEFAULT-VALUE}")
    int epochs;

    /** After 10 warm-up epochs the SIMD BLAS was still partly interpreted (JFR): the mean of the next 20 was 0.205 s, of 60 0.140 s. */
    @Option(names = "--warmup", defaultValue = "30", description = "untimed epochs first (JIT warm-up). Default: ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--model", defaultValue = "poly")
    String model;

    @Option(names = "--json")
    Path json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        resetPeaks();
        NodeDataset ds = Datasets.loadNode(data.root(), dataset, null, 0);
        NodeConfig cfg = NodeConfig.authors(model);
        NodeTrainer.Prepared p = NodeTrainer.prepare(ds, cfg);
        Random rnd = new Random(0);
        SignNodeModel m = new SignNodeModel(cfg.r() + 1, p.features(), cfg.hidden(), p.classes(), model, cfg.dropout(),
                cfg.inputDropout(), rnd);
        ParamOptimizer adam = new ParamOptimizer(m.params(), cfg.lr(), 0);
        DMatrixRMaj grad = new DMatrixRMaj(p.yTrain().length, p.classes());
        err.printf("warm-up %d epochs …%n", warmup);
        for (int e = 0; e < warmup; e++) {
            step(m, adam, p, grad, rnd);
        }
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            step(m, adam, p, grad, rnd);
        }
        double epochSec = (System.nanoTime() - t0) / 1e9 / epochs;
        double flops = cfg.trainEpochFlops(p.yTrain().length, p.features(), p.classes());
        // one validation pass (what an evaluation epoch adds; the authors evaluate every 10 epochs)
        long tv = System.nanoTime();
        NodeTrainer.predict(m, p.val());
        double valSec = (System.nanoTime() - tv) / 1e9;
        // dense GEMM reference: the epoch's dominant shape (train nodes × F) · (F × hidden), same library
        DMatrixRMaj a = new DMatrixRMaj(p.yTrain().length, p.features());
        DMatrixRMaj b = new DMatrixRMaj(p.features(), cfg.hidden());
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rnd.nextDouble();
        }
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] = rnd.nextDouble();
        }
        double gemmGflops = gemmRate(a, b, c, false);
        double ejmlGflops = gemmRate(a, b, c, true);
        double achieved = flops / epochSec / 1e9;
        long peak = peakHeap();
        out.printf("Cora training epoch (R=%d, hidden %d, %s, %d train nodes, %d features, double precision, 1 thread)%n",
                cfg.r(), cfg.hidden(), model, p.yTrain().length, p.features());
        out.printf("  seconds per epoch:        %.4f  (mean of %d after %d warm-up)%n", epochSec, epochs, warmup);
        out.printf("  flops per epoch:          %.3f GFLOP (forward xW, backward xᵀdz, final layer; no dx for the inputs)%n", flops / 1e9);
        out.printf("  achieved:                 %.2f GFLOP/s%n", achieved);
        out.printf("  dense GEMM (netlib %s, %dx%d · %dx%d): %.2f GFLOP/s  → %.0f%% of it   (EJML on the same shape: %.2f GFLOP/s)%n",
                org.qdl.gnn.model.Gemm.implementation(), a.numRows, a.numCols, b.numRows, b.numCols, gemmGflops,
                100 * achieved / gemmGflops, ejmlGflops);
        // the graph model's products at PROTEINS' shapes (batch of 32 graphs ≈ 1250 nodes, 72 inputs, 24·128 hidden)
        DMatrixRMaj x = randomMatrix(1250, 72, rnd);
        DMatrixRMaj w = randomMatrix(72, 3072, rnd);
        DMatrixRMaj z = new DMatrixRMaj(1250, 3072);
        DMatrixRMaj dz = randomMatrix(1250, 3072, rnd);
        DMatrixRMaj dw = new DMatrixRMaj(72, 3072);
        double[] graphRates = {gemmRate(x, w, z, false), gemmRate(x, w, z, true), transARate(x, dz, dw, false), transARate(x, dz, dw, true)};
        out.printf("  graph model (PROTEINS shapes) x·W 1250x72·72x3072: netlib %.2f, EJML %.2f GFLOP/s;"
                + " xᵀ·dz 72x1250·1250x3072: netlib %.2f, EJML %.2f GFLOP/s%n", graphRates[0], graphRates[1], graphRates[2], graphRates[3]);
        double[] compact = compactRates(rnd);
        out.printf("  graph model (COLLAB shapes, one graph: 33x400 block on W 5166x2072) block·W[cols]: %s %.2f,"
                + " gathered+BLAS %.2f GFLOP/s; W.grad[cols] += blockᵀ·dz: default %.2f, BLAS+scatter %.2f GFLOP/s (best of 60)%n",
                org.qdl.gnn.model.CompactProduct.simd() ? "in place SIMD" : "default (no SIMD: gathered)", compact[0], compact[1], compact[2], compact[3]);
        out.printf("  one validation pass (%d nodes): %.3f s%n", p.yVal().length, valSec);
        out.printf("  peak heap (sum of the heap pools' peaks, an upper bound; incl. SIGN features of all nodes): %.0f MiB"
                + " (max heap %.0f MiB)%n", peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        if (json != null) {
            Map<String, Object> js = new LinkedHashMap<>();
            js.put("secondsPerEpoch", epochSec);
            js.put("gflopPerEpoch", flops / 1e9);
            js.put("achievedGflops", achieved);
            js.put("gemmGflops", gemmGflops);
            js.put("gemmLibrary", "netlib " + org.qdl.gnn.model.Gemm.implementation());
            js.put("ejmlGemmGflops", ejmlGflops);
            js.put("proteinsXWGflops", Map.of("netlib", graphRates[0], "ejml", graphRates[1]));
            js.put("proteinsXtDzGflops", Map.of("netlib", graphRates[2], "ejml", graphRates[3]));
            js.put("collabCompactSimd", org.qdl.gnn.model.CompactProduct.simd());
            js.put("collabCompactForwardGflops", Map.of("default", compact[0], "gathered", compact[1]));
            js.put("collabCompactGradientGflops", Map.of("default", compact[2], "scattered", compact[3]));
            js.put("fractionOfGemm", achieved / gemmGflops);
            js.put("validationSeconds", valSec);
            js.put("peakHeapBytes", peak);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), js);
        }
        return 0;
    }

    /** GFLOP/s of c = a·b, through the training's Gemm or through EJML. */
    static double gemmRate(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean ejml) {
        for (int i = 0; i < 5; i++) {
            mult(a, b, c, ejml);
        }
        int reps = 30;
        long tg = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            mult(a, b, c, ejml);
        }
        return reps * 2.0 * a.numRows * a.numCols * b.numCols / ((System.nanoTime() - tg) / 1e9) / 1e9;
    }

    /** GFLOP/s of c += aᵀ·b (the weight gradient), through the training's Gemm or through EJML. */
    static double transARate(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean ejml) {
        int reps = 10;
        long t = 0;
        for (int i = 0; i < reps + 3; i++) {
            long t0 = System.nanoTime();
            if (ejml) {
                CommonOps_DDRM.multAddTransA(a, b, c);
            } else {
                org.qdl.gnn.model.Gemm.multAddTransA(a, b, c);
            }
            if (i >= 3) {
                t += System.nanoTime() - t0;
            }
        }
        return reps * 2.0 * a.numRows * a.numCols * b.numCols / (t / 1e9) / 1e9;
    }

    /**
     * GFLOP/s of the first layer on one COLLAB-sized graph's compact rows (33 distinct rows using 400
     * of the 5166 input columns, 2072 outputs): forward and weight gradient, in place (the default
     * with SIMD) and through the gathered BLAS fallback.
     */
    static double[] compactRates(Random rnd) {
        int in = 5166;
        int o = 2072;
        int[] cols = rnd.ints(0, in).distinct().limit(400).sorted().toArray();
        org.qdl.gnn.features.CompactRows x = new org.qdl.gnn.features.CompactRows(in, cols, randomMatrix(33, cols.length, rnd));
        double[] w = randomMatrix(in, o, rnd).data;
        double[] y = new double[33 * o];
        double[] dz = randomMatrix(33, o, rnd).data;
        double[] g = new double[in * o];
        double[] scratch = new double[cols.length * o];
        double flops = 2.0 * 33 * cols.length * o;
        double[] rates = new double[4];
        for (int variant = 0; variant < 4; variant++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 60; i++) { // the best of 60 calls, the first ones warm the JIT up
                long t0 = System.nanoTime();
                switch (variant) {
                    case 0 -> org.qdl.gnn.model.CompactProduct.forward(x, w, o, y, 0, scratch);
                    case 1 -> org.qdl.gnn.model.CompactProduct.forwardGathered(x, w, o, y, 0, scratch);
                    case 2 -> org.qdl.gnn.model.CompactProduct.accumulate(x, dz, 0, o, g, scratch);
                    default -> org.qdl.gnn.model.CompactProduct.accumulateScattered(x, dz, 0, o, g, scratch);
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            rates[variant] = flops / best / 1e9;
        }
        return rates;
    }

    static DMatrixRMaj randomMatrix(int r, int c, Random rnd) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextDouble();
        }
        return m;
    }

    private static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean ejml) {
        if (ejml) {
            CommonOps_DDRM.mult(a, b, c);
        } else {
            org.qdl.gnn.model.Gemm.mult(a, b, c);
        }
    }

    static void step(SignNodeModel m, ParamOptimizer adam, NodeTrainer.Prepared p, DMatrixRMaj grad, Random rnd) {
        adam.zeroGrad();
        DMatrixRMaj logits = m.forward(p.train(), true, rnd);
        CrossEntropy.loss(logits, p.yTrain(), grad);
        m.backward(grad);
        adam.step();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                b.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage (an upper bound on the simultaneous peak). */
    static long peakHeap() {
        long s = 0;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean b : pools) {
            if (b.getType() == MemoryType.HEAP) {
                s += b.getPeakUsage().getUsed();
            }
        }
        return s;
    }
}
