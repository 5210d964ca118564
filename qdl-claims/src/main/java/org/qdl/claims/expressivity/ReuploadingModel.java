package org.qdl.claims.expressivity;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.qdl.protocol.model.DataReuploadingLayer;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.gate.DiagonalGate;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.kernel.Kernels;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.StateVector;

/**
 * A data re-uploading model on n qubits with L encoding blocks:
 * f(x) = ⟨0|U(x)† Z_0 U(x)|0⟩, U(x) = W_L S_L(x) ⋯ W_1 S_1(x) W_0, where S_ℓ(x) is a
 * {@link DataReuploadingLayer} rotating qubit q by exp(−i x s_{ℓ,q} Z_q / 2) and each trainable
 * W_ℓ is a {@link PauliLayer}: RZ·RY·RZ on every qubit, then for n ≥ 2 CZ on a ring and RY on every qubit.
 */
public final class ReuploadingModel {
    private final int qubits;
    private final int depth;
    private final EncodingDesign design;
    private final List<PauliLayer> trainable; // W_0 … W_L

    public ReuploadingModel(int qubits, int depth, EncodingDesign design, double[] parameters) {
        if (qubits < 1 || qubits > 6) throw new InvalidInputException("model width must be 1..6 qubits, got " + qubits);
        if (depth < 0) throw new InvalidInputException("depth must be non-negative, got " + depth);
        if ((double) qubits * depth > 14) throw new InvalidInputException("qubits × depth = " + qubits * depth + " exceeds 14 (3^14 frequencies)");
        this.qubits = qubits;
        this.depth = depth;
        this.design = design;
        int per = perLayer(qubits);
        if (parameters.length != per * (depth + 1)) {
            throw new InvalidInputException("model needs " + per * (depth + 1) + " parameters, got " + parameters.length);
        }
        this.trainable = new ArrayList<>();
        for (int l = 0; l <= depth; l++) {
            double[] theta = java.util.Arrays.copyOfRange(parameters, l * per, (l + 1) * per);
            trainable.add(trainableLayer(qubits, theta));
        }
    }

    /** Parameters uniform in [−π, π). */
    public static ReuploadingModel random(int qubits, int depth, EncodingDesign design, RandomGenerator rng) {
        double[] p = new double[perLayer(qubits) * (depth + 1)];
        for (int i = 0; i < p.length; i++) p[i] = rng.nextDouble(-Math.PI, Math.PI);
        return new ReuploadingModel(qubits, depth, design, p);
    }

    /** Parameters per qubit per trainable layer (3 for one qubit, 4 with the entangling block). */
    private static int perQubit(int n) {
        return n == 1 ? 3 : 4;
    }

    private static int perLayer(int n) {
        return perQubit(n) * n;
    }

    static PauliLayer trainableLayer(int n, double[] theta) {
        List<PauliLayer.Step> steps = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            steps.add(PauliLayer.Step.rotation(PauliString.single('Z', q), perQubit(n) * q));
            steps.add(PauliLayer.Step.rotation(PauliString.single('Y', q), perQubit(n) * q + 1));
            steps.add(PauliLayer.Step.rotation(PauliString.single('Z', q), perQubit(n) * q + 2));
        }
        if (n >= 2) {
            // The encoding writes Z-phases; RY turns them into populations, CZ passes them to the
            // neighbour as phases, and the closing RY turns those into populations Z_0 can see
            // (a CZ right before the measurement would commute with Z_0 and carry nothing).
            for (int q = 0; q < (n == 2 ? 1 : n); q++) {
                steps.add(PauliLayer.Step.fixed(new DiagonalGate("cz", new int[] {q, (q + 1) % n}, new double[] {0, 0, 0, Math.PI})));
            }
            for (int q = 0; q < n; q++) steps.add(PauliLayer.Step.rotation(PauliString.single('Y', q), perQubit(n) * q + 3));
        }
        return new PauliLayer(n, steps, theta);
    }

    public int qubits() {
        return qubits;
    }

    public int depth() {
        return depth;
    }

    public EncodingDesign design() {
        return design;
    }

    public int numParameters() {
        return perLayer(qubits) * (depth + 1);
    }

    public double[] parameters() {
        double[] p = new double[numParameters()];
        int per = perLayer(qubits);
        for (int l = 0; l <= depth; l++) System.arraycopy(trainable.get(l).parameters(), 0, p, l * per, per);
        return p;
    }

    public void setParameters(double[] p) {
        if (p.length != numParameters()) throw new InvalidInputException("model needs " + numParameters() + " parameters, got " + p.length);
        int per = perLayer(qubits);
        for (int l = 0; l <= depth; l++) trainable.get(l).setParameters(java.util.Arrays.copyOfRange(p, l * per, (l + 1) * per));
    }

    /** The encoding block S_ℓ(x) (0-based ℓ) as the data party's layer. */
    public DataReuploadingLayer encoding(int block, double x) {
        List<PauliString> gens = new ArrayList<>();
        double[] input = new double[qubits];
        for (int q = 0; q < qubits; q++) {
            gens.add(PauliString.single('Z', q));
            input[q] = x * design.scale(block, q, qubits);
        }
        return new DataReuploadingLayer(qubits, gens, input, 1);
    }

    /** Ω from the encoding generators' eigenvalues (independent of the trainable parameters). */
    public FrequencySpectrum analyticSpectrum() {
        List<double[]> eig = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            List<PauliString> gens = new ArrayList<>();
            double[] s = new double[qubits];
            for (int q = 0; q < qubits; q++) {
                gens.add(PauliString.single('Z', q));
                s[q] = design.scale(l, q, qubits);
            }
            eig.add(EncodingSpectrum.eigenvalues(gens, s));
        }
        return FrequencySpectrum.of(eig);
    }

    /** The gates of U(x) in order, each with the model parameter it rotates by (−1 if none). */
    private record Op(Gate gate, PauliString generator, int parameter) {}

    private List<Op> ops(double x) {
        List<Op> ops = new ArrayList<>();
        int per = perLayer(qubits);
        for (int l = 0; l <= depth; l++) {
            if (l > 0) for (Gate g : encoding(l - 1, x).gates()) ops.add(new Op(g, null, -1));
            PauliLayer w = trainable.get(l);
            List<Gate> gs = w.gates();
            for (int i = 0; i < gs.size(); i++) {
                PauliLayer.Step st = w.steps().get(i);
                ops.add(st.isRotation() ? new Op(gs.get(i), st.generator(), l * per + st.parameter()) : new Op(gs.get(i), null, -1));
            }
        }
        return ops;
    }

    public double output(double x) {
        StateVector s = StateVector.zero(qubits);
        for (Op op : ops(x)) op.gate.apply(s);
        return OBSERVABLE.expectation(s);
    }

    public double[] outputs(double[] xs) {
        double[] f = new double[xs.length];
        for (int i = 0; i < xs.length; i++) f[i] = output(xs[i]);
        return f;
    }

    /**
     * f(x), and ∂f/∂θ added into {@code grad} by the adjoint method: with ψ_k after gate k and
     * λ_k = U_{k+1}† ⋯ U_K† O ψ_K, a rotation exp(−iθP/2) contributes Im⟨λ_k|P|ψ_k⟩.
     */
    public double outputAndGradient(double x, double[] grad, double weight) {
        List<Op> ops = ops(x);
        StateVector psi = StateVector.zero(qubits);
        for (Op op : ops) op.gate.apply(psi);
        double f = OBSERVABLE.expectation(psi);
        StateVector lambda = psi.copy();
        Kernels.applyPauli(lambda, OBSERVABLE);
        for (int k = ops.size() - 1; k >= 0; k--) {
            Op op = ops.get(k);
            if (op.parameter >= 0) {
                StateVector phi = psi.copy();
                Kernels.applyPauli(phi, op.generator);
                grad[op.parameter] += weight * lambda.inner(phi).im();
            }
            Gate inv = op.gate.inverse();
            inv.apply(psi);
            inv.apply(lambda);
        }
        return f;
    }

    /** The measured observable, Z on qubit 0. */
    public static final PauliString OBSERVABLE = PauliString.single('Z', 0);
}
