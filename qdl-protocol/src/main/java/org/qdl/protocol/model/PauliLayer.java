package org.qdl.protocol.model;

import java.util.ArrayList;
import java.util.List;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.PauliRotation;
import org.qdl.sim.observable.PauliString;

/**
 * U(θ) = ∏_j exp(−iθ_{p(j)} G_j / 2) with Pauli-string generators G_j, interleaved with fixed gates:
 * the paper's layer form. Each rotation step names the parameter it uses, so parameters can be
 * shared. ∂U/∂θ follows from the generators (parameter shift, Hadamard tests, adjoint).
 */
public final class PauliLayer implements Layer {
    /** One step: a fixed gate, or a rotation by parameter {@code parameter} about {@code generator}. */
    public record Step(Gate fixed, PauliString generator, int parameter) {
        public static Step fixed(Gate g) {
            return new Step(g, null, -1);
        }

        public static Step rotation(PauliString generator, int parameter) {
            return new Step(null, generator, parameter);
        }

        public boolean isRotation() {
            return generator != null;
        }
    }

    private final int numQubits;
    private final List<Step> steps;
    private final double[] theta;

    public PauliLayer(int numQubits, List<Step> steps, double[] theta) {
        this.numQubits = numQubits;
        this.steps = List.copyOf(steps);
        this.theta = theta.clone();
        for (Step s : steps) {
            int[] qs = s.isRotation() ? s.generator.support() : s.fixed.qubits();
            for (int q : qs) {
                if (q >= numQubits) throw new InvalidInputException("layer step on qubit " + q + " but the layer has " + numQubits + " qubits");
            }
            if (s.isRotation() && (s.parameter < 0 || s.parameter >= theta.length)) {
                throw new InvalidInputException("rotation uses parameter " + s.parameter + " but the layer has " + theta.length);
            }
        }
        for (int j = 0; j < theta.length; j++) {
            if (!Double.isFinite(theta[j])) throw new InvalidInputException("layer parameter " + j + " is " + theta[j]);
        }
    }

    /** One rotation per generator, parameter j for generator j. */
    public static PauliLayer ofGenerators(int numQubits, List<PauliString> generators, double[] theta) {
        if (generators.size() != theta.length) {
            throw new InvalidInputException(generators.size() + " generators but " + theta.length + " parameters");
        }
        List<Step> steps = new ArrayList<>();
        for (int j = 0; j < generators.size(); j++) steps.add(Step.rotation(generators.get(j), j));
        return new PauliLayer(numQubits, steps, theta);
    }

    public List<Step> steps() {
        return steps;
    }

    /** Generators in application order, one per rotation step. */
    public List<PauliString> generators() {
        List<PauliString> g = new ArrayList<>();
        for (Step s : steps) if (s.isRotation()) g.add(s.generator);
        return g;
    }

    @Override
    public int numQubits() {
        return numQubits;
    }

    @Override
    public int numParameters() {
        return theta.length;
    }

    @Override
    public double[] parameters() {
        return theta.clone();
    }

    @Override
    public void setParameters(double[] t) {
        if (t.length != theta.length) throw new InvalidInputException("layer has " + theta.length + " parameters, got " + t.length);
        for (int j = 0; j < t.length; j++) {
            if (!Double.isFinite(t[j])) throw new InvalidInputException("layer parameter " + j + " is " + t[j]);
        }
        System.arraycopy(t, 0, theta, 0, t.length);
    }

    @Override
    public List<Gate> gates() {
        List<Gate> gs = new ArrayList<>(steps.size());
        for (Step s : steps) gs.add(s.isRotation() ? new PauliRotation(s.generator, theta[s.parameter]) : s.fixed);
        return gs;
    }
}
