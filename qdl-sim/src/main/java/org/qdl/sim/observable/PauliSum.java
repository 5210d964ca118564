package org.qdl.sim.observable;

import org.qdl.sim.InvalidInputException;
import org.qdl.sim.state.StateVector;

import java.util.ArrayList;
import java.util.List;

/** A weighted sum Σ_k c_k P_k of Pauli strings with real coefficients. */
public final class PauliSum implements Observable {
    public record Term(double coefficient, PauliString pauli) {}

    private final List<Term> terms;

    public PauliSum(List<Term> terms) {
        if (terms.isEmpty()) throw new InvalidInputException("a Pauli sum needs at least one term");
        for (Term t : terms) {
            if (!Double.isFinite(t.coefficient)) throw new InvalidInputException("Pauli sum coefficient " + t.coefficient + " of " + t.pauli + " is not finite");
        }
        this.terms = List.copyOf(terms);
    }

    /**
     * Parses terms separated by '+' or '-', each an optional coefficient then a Pauli string, e.g.
     * {@code "0.5 Z0 Z1 - 0.25 X2 + Y0"}.
     */
    public static PauliSum parse(String text) {
        List<Term> terms = new ArrayList<>();
        String t = text.trim();
        if (t.isEmpty()) throw new InvalidInputException("empty observable");
        int i = 0;
        while (i < t.length()) {
            double sign = 1;
            while (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-' || Character.isWhitespace(t.charAt(i)))) {
                if (t.charAt(i) == '-') sign = -sign;
                i++;
            }
            int j = i;
            while (j < t.length() && t.charAt(j) != '+' && !(t.charAt(j) == '-' && j > i && !isExponent(t, j))) j++;
            String body = t.substring(i, j).trim();
            if (body.isEmpty()) throw new InvalidInputException("empty term in observable \"" + text + "\"");
            String[] parts = body.split("\\s+|\\*", 2);
            double coef = 1;
            String pauli = body;
            try {
                coef = Double.parseDouble(parts[0]);
                pauli = parts.length > 1 ? parts[1] : "";
            } catch (NumberFormatException e) {
                // no leading coefficient
            }
            terms.add(new Term(sign * coef, PauliString.parse(pauli)));
            i = j;
        }
        return new PauliSum(terms);
    }

    private static boolean isExponent(String t, int j) {
        return j > 0 && (t.charAt(j - 1) == 'e' || t.charAt(j - 1) == 'E') && j > 1 && Character.isDigit(t.charAt(j - 2));
    }

    public List<Term> terms() {
        return terms;
    }

    @Override
    public double expectation(StateVector s) {
        double e = 0;
        for (Term t : terms) e += t.coefficient * t.pauli.expectation(s);
        return e;
    }

    @Override
    public int[] support() {
        int m = 0;
        for (Term t : terms) m |= t.pauli.xMask() | t.pauli.zMask();
        return PauliString.ofMasks(m, 0).support();
    }

    @Override
    public double normBound() {
        double b = 0;
        for (Term t : terms) b += Math.abs(t.coefficient);
        return b;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            if (sb.length() > 0) sb.append(t.coefficient < 0 ? " - " : " + ");
            else if (t.coefficient < 0) sb.append('-');
            sb.append(Math.abs(t.coefficient)).append(' ').append(t.pauli);
        }
        return sb.toString();
    }
}
