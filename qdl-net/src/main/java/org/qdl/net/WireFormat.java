package org.qdl.net;

import java.util.ArrayList;
import java.util.List;
import org.qdl.net.proto.ApplyGateRequest;
import org.qdl.net.proto.ApplyRequest;
import org.qdl.net.proto.ControlledGenerator;
import org.qdl.net.proto.GeneratorRef;
import org.qdl.net.proto.Matrix;
import org.qdl.net.proto.MeasureRequest;
import org.qdl.net.proto.MeasuredObservable;
import org.qdl.net.proto.Scheme;
import org.qdl.net.proto.Shifted;
import org.qdl.protocol.LayerVariant;
import org.qdl.protocol.MeasurementSpec;
import org.qdl.protocol.ObservableRef;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.gate.MatrixGate;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.state.ComplexMatrix;

/**
 * The protocol's core values on the wire (party.proto) and back: layer variants, public gates,
 * measurement specs and group-mean tables. Both sides use it, so the two directions cannot drift;
 * a malformed message becomes a {@link MalformedMessageException} (INVALID_ARGUMENT).
 */
final class WireFormat {
    private WireFormat() {}

    static ApplyRequest.Builder variant(ApplyRequest.Builder b, LayerVariant v) {
        if (v instanceof LayerVariant.Inverse) return b.setInverse(true);
        if (v instanceof LayerVariant.Shifted s) return b.setShifted(Shifted.newBuilder().setStep(s.step()).setShift(s.shift()));
        if (v instanceof LayerVariant.ControlledGenerator c) {
            return b.setControlledGenerator(ControlledGenerator.newBuilder().setStep(c.step()).setControl(c.control()));
        }
        return b;
    }

    static LayerVariant variant(ApplyRequest r) {
        return switch (r.getVariantCase()) {
            case INVERSE -> {
                if (!r.getInverse()) throw new MalformedMessageException("ApplyRequest.inverse, when set, must be true");
                yield LayerVariant.INVERSE;
            }
            case SHIFTED -> new LayerVariant.Shifted(r.getShifted().getStep(), r.getShifted().getShift());
            case CONTROLLED_GENERATOR -> new LayerVariant.ControlledGenerator(r.getControlledGenerator().getStep(), r.getControlledGenerator().getControl());
            case VARIANT_NOT_SET -> LayerVariant.PLAIN;
        };
    }

    static ApplyGateRequest.Builder gate(ApplyGateRequest.Builder b, Gate g) {
        b.setName(g.name());
        for (int q : g.qubits()) b.addQubits(q);
        ComplexMatrix m = g.matrix();
        for (double x : m.realArray()) b.addRe(x);
        for (double x : m.imagArray()) b.addIm(x);
        return b;
    }

    static Gate gate(ApplyGateRequest r) {
        int k = r.getQubitsCount();
        if (k < 1 || k > MatrixGate.MAX_TARGETS) throw new MalformedMessageException("a gate acts on 1.." + MatrixGate.MAX_TARGETS + " qubits, got " + k);
        long entries = 1L << (2 * k);
        if (r.getReCount() != entries || r.getImCount() != entries) {
            throw new MalformedMessageException("gate " + r.getName() + " on " + k + " qubit(s) needs " + entries + " real and imaginary entries, got "
                    + r.getReCount() + " and " + r.getImCount());
        }
        double[] re = r.getReList().stream().mapToDouble(Double::doubleValue).toArray();
        double[] im = r.getImList().stream().mapToDouble(Double::doubleValue).toArray();
        int[] qubits = r.getQubitsList().stream().mapToInt(Integer::intValue).toArray();
        try {
            return MatrixGate.of(r.getName(), ComplexMatrix.of(1 << k, re, im), qubits);
        } catch (InvalidInputException e) { // not unitary, a qubit twice …
            throw new MalformedMessageException(e.getMessage());
        }
    }

    static MeasureRequest.Builder spec(MeasureRequest.Builder b, MeasurementSpec spec) {
        b.setScheme(switch (spec.scheme()) {
            case SAMPLE -> Scheme.SAMPLE;
            case COMMUTING -> Scheme.COMMUTING;
            case SHADOWS -> Scheme.SHADOWS;
        });
        for (ObservableRef ref : spec.observables()) {
            if (ref instanceof ObservableRef.Generator g) {
                b.addObservables(MeasuredObservable.newBuilder().setGenerator(GeneratorRef.newBuilder().setLayerKey(g.layerKey()).setStep(g.step())));
            } else {
                b.addObservables(MeasuredObservable.newBuilder().setObservableKey(((ObservableRef.Held) ref).key()));
            }
        }
        return b.setFactorXMask(spec.factor().xMask()).setFactorZMask(spec.factor().zMask());
    }

    static MeasurementSpec spec(MeasureRequest r) {
        MeasurementSpec.Scheme scheme = switch (r.getScheme()) {
            case SAMPLE -> MeasurementSpec.Scheme.SAMPLE;
            case COMMUTING -> MeasurementSpec.Scheme.COMMUTING;
            case SHADOWS -> MeasurementSpec.Scheme.SHADOWS;
            default -> throw new MalformedMessageException("MeasureRequest.scheme must be SAMPLE, COMMUTING or SHADOWS, got " + r.getScheme());
        };
        List<ObservableRef> refs = new ArrayList<>();
        for (MeasuredObservable o : r.getObservablesList()) {
            switch (o.getRefCase()) {
                case OBSERVABLE_KEY -> refs.add(ObservableRef.held(o.getObservableKey()));
                case GENERATOR -> refs.add(new ObservableRef.Generator(o.getGenerator().getLayerKey(), o.getGenerator().getStep()));
                default -> throw new MalformedMessageException("MeasureRequest.observables[" + refs.size() + "] names no observable");
            }
        }
        try {
            return new MeasurementSpec(scheme, refs, PauliString.ofMasks(r.getFactorXMask(), r.getFactorZMask()));
        } catch (InvalidInputException e) { // no observable, two for SAMPLE
            throw new MalformedMessageException(e.getMessage());
        }
    }

    static Matrix matrix(double[][] m) {
        Matrix.Builder b = Matrix.newBuilder().setRows(m.length).setCols(m.length == 0 ? 0 : m[0].length);
        for (double[] row : m) for (double x : row) b.addValues(x);
        return b.build();
    }

    static double[][] matrix(Matrix m) {
        if ((long) m.getRows() * m.getCols() != m.getValuesCount()) {
            throw new MalformedMessageException("a " + m.getRows() + "×" + m.getCols() + " matrix cannot have " + m.getValuesCount() + " values");
        }
        double[][] out = new double[m.getRows()][m.getCols()];
        for (int i = 0; i < m.getRows(); i++) for (int j = 0; j < m.getCols(); j++) out[i][j] = m.getValues(i * m.getCols() + j);
        return out;
    }
}
