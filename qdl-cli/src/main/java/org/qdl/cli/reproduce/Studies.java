package org.qdl.cli.reproduce;

import java.util.List;
import java.util.Map;

/** Every study, in report order, with a rough wall time per mode on 2 cores (for the ETA only). */
final class Studies {
    private Studies() {
    }

    static List<Study> all() {
        return List.of(new InferenceScalingStudy(), new HardInstancesStudy(), new GradientsStudy(), new TrainingStudy(),
                new ExpressivityReproduction(), new LinearReproduction(), new PrivacyReproduction(), new GnnNodeStudy(),
                new GnnGraphStudy(), new DecisionNetworkStudy());
    }

    private static final Map<String, double[]> EXPECTED = Map.of("inference-scaling", new double[] {3, 600},
            "hard-instances", new double[] {3, 200}, "gradients", new double[] {5, 300}, "training", new double[] {4, 300},
            "expressivity", new double[] {7, 60}, "linear", new double[] {3, 60}, "privacy", new double[] {3, 60},
            "gnn-node", new double[] {35, 1500}, "gnn-graphs", new double[] {35, 200000}, "decision-network", new double[] {6, 600});

    static double expectedSeconds(String study, Mode mode) {
        double[] e = EXPECTED.getOrDefault(study, new double[] {10, 600});
        return e[mode == Mode.QUICK ? 0 : 1];
    }
}
