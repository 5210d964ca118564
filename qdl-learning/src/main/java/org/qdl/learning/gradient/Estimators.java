package org.qdl.learning.gradient;

import java.util.List;
import org.qdl.sim.InvalidInputException;

/** The measured estimators by name, in the order tables show them. */
public final class Estimators {
    private Estimators() {}

    public static final List<String> NAMES = List.of("adjoint", "parameter-shift", "hadamard-test", "simultaneous", "classical-shadows");

    public static GradientEstimator byName(String name) {
        return switch (name) {
            case "adjoint" -> new AdjointDifferentiation();
            case "parameter-shift" -> new ParameterShift();
            case "hadamard-test" -> new HadamardTest();
            case "simultaneous" -> new SimultaneousEstimation();
            case "classical-shadows" -> new ClassicalShadows();
            default -> throw new InvalidInputException("unknown gradient estimator '" + name + "': use one of " + NAMES);
        };
    }

    /** Whether the derivative estimates end up with the observable's holder (else with the layer's holder). */
    public static boolean estimatesAtObservable(String name) {
        return name.equals("parameter-shift") || name.equals("hadamard-test");
    }
}
