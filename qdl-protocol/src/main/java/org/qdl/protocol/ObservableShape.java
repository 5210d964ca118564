package org.qdl.protocol;

import org.qdl.sim.observable.DiagonalObservable;
import org.qdl.sim.observable.HermitianObservable;
import org.qdl.sim.observable.Observable;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;

/**
 * What other parties may know of an observable, like {@link LayerShape} for layers: the qubits it
 * acts on, the range [min, max] of its single-shot outcomes (public so that every party can compute
 * the shot budget), and the size of its description (to cost classical protocols that ship it).
 *
 * @param descriptionReals real numbers in its description (coefficients, diagonal values, matrix entries)
 * @param structureBits    discrete part of the description (Pauli letters, qubit indices)
 */
public record ObservableShape(int[] qubits, double minOutcome, double maxOutcome, long descriptionReals, long structureBits) {
    public ObservableShape {
        qubits = qubits.clone();
    }

    /** Width of the single-shot outcome range (b − a in Hoeffding's inequality). */
    public double outcomeWidth() {
        return maxOutcome - minOutcome;
    }

    /** {min, max} of a single-shot outcome. */
    public double[] outcomeRange() {
        return new double[] {minOutcome, maxOutcome};
    }

    /** Largest |outcome|. */
    public double maxAbsOutcome() {
        return Math.max(Math.abs(minOutcome), Math.abs(maxOutcome));
    }

    /** Bits to send the observable's description with the given bits per real number. */
    public long descriptionBits(NumberEncoding encoding) {
        return descriptionReals * encoding.bitsPerNumber() + structureBits;
    }

    /** The shape of an observable, with outcomes as {@link ObservableMeasurement} produces them. */
    public static ObservableShape of(Observable o) {
        double[] range = ObservableMeasurement.outcomeRange(o);
        int[] support = o.support();
        int width = 1; // register width the Pauli letters are written over
        for (int q : support) width = Math.max(width, q + 1);
        int indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, width - 1));
        long reals, structure;
        if (o instanceof PauliString) {
            reals = 0;
            structure = 2L * width;
        } else if (o instanceof PauliSum s) {
            reals = s.terms().size();
            structure = 2L * width * s.terms().size();
        } else if (o instanceof DiagonalObservable d) {
            reals = d.values().length;
            structure = (long) d.qubits().length * indexBits;
        } else if (o instanceof HermitianObservable h) {
            long dim = h.matrix().dim();
            reals = dim * dim; // Hermitian: dim real diagonal entries, dim(dim−1)/2 complex above it
            structure = (long) h.qubits().length * indexBits;
        } else {
            throw new ProtocolException("no public shape for observable type " + o.getClass().getSimpleName());
        }
        return new ObservableShape(support, range[0], range[1], reals, structure);
    }
}
