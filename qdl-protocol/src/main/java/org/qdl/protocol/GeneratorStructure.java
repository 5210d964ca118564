package org.qdl.protocol;

/**
 * Public structure of a layer's rotations, enough for a gradient protocol to plan its copies without
 * seeing the generators or the angles: which parameter each rotation step uses, the largest
 * generator weight k, whether each generator commutes with every later step of the layer (then the
 * derivative observable of step j on the layer's output is G_j itself), and whether all generators
 * are qubit-wise commuting (then one product basis diagonalises them all).
 */
public record GeneratorStructure(int[] stepParameter, int maxLocality, boolean derivativesArePauli, boolean qubitWiseCommuting) {
    public GeneratorStructure {
        stepParameter = stepParameter.clone();
    }

    /** Number of rotation steps (≥ the parameter count when parameters are shared). */
    public int steps() {
        return stepParameter.length;
    }

    @Override
    public int[] stepParameter() {
        return stepParameter.clone();
    }
}
