package org.qdl.protocol.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qdl.protocol.inference.InferenceConfig;
import org.qdl.protocol.inference.InferenceProtocol;
import org.qdl.protocol.inference.InferenceResult;
import org.qdl.protocol.model.AlternatingModel;

/**
 * Noiseless networks give exactly the numbers of the code before noise existed (recorded from
 * commit 6b3a45e): estimates, exact values and half-widths as IEEE bit patterns, and the ledger
 * (shots, qubits, classical bits, rounds, qubits per shot) for the {@code qdl demo} defaults and
 * the first {@code qdl scaling} rows. Setting a perfect link must not change them either.
 */
class NoiselessRegressionTest {
    private static void check(String line, InferenceResult r) {
        String[] f = line.trim().split("\\s+");
        assertEquals(Long.parseLong(f[0]), Double.doubleToLongBits(r.estimate()), "estimate " + r.estimate());
        assertEquals(Long.parseLong(f[1]), Double.doubleToLongBits(r.exact()), "exact " + r.exact());
        assertEquals(Long.parseLong(f[2]), Double.doubleToLongBits(r.halfWidth()), "half-width");
        assertEquals(Long.parseLong(f[3]), r.shots(), "shots");
        assertEquals(Long.parseLong(f[4]), r.totalQubits(), "qubits");
        assertEquals(Long.parseLong(f[5]), r.classicalBits(), "classical bits");
        assertEquals(Long.parseLong(f[6]), r.rounds(), "rounds");
        assertEquals(Long.parseLong(f[7]), r.qubitsPerShot(), "qubits per shot");
        assertEquals(0, r.ledger().totalLostQubits());
    }

    @Test
    void demoDefaultsUnchanged() {
        AlternatingModel.Example ex = AlternatingModel.build(16, 4, true, true, 7);
        ex.network().setLinkNoise("alice", "bob", LinkNoise.parse("none"));
        check("4594490904971261619 4593825955914165566 4587366473387051548 2179 104592 64 4359 48",
                InferenceProtocol.run(ex.network(), ex.model(), InferenceConfig.hoeffding(0.05, 0.01, 7)));
        check("4593844772712350486 4593825955914165566 4587364394937900972 30451 1461648 64 60903 48",
                InferenceProtocol.run(ex.network(), ex.model(), InferenceConfig.medianOfMeans(0.05, 0.01, 8)));
    }

    @Test
    void scalingRowsUnchanged() {
        String[] golden = {
            "4578905040247978455 4586055408282884122 4587366286264904414 4239 50868 0 8479 12",
            "4594616111559503554 4594039354066568802 4587366286264904416 4239 63585 0 8479 15",
            "-4625730152297218191 -4626498817315731983 4587366286264904414 4239 76302 0 8479 18",
            "-4634405876420149890 -4631600085293359299 4587366286264904414 4239 89019 0 8479 21",
            "-4623304646765421342 -4623142380059541219 4587366286264904416 4239 101736 0 8479 24",
        };
        for (int k = 4; k <= 8; k++) {
            AlternatingModel.Example s = AlternatingModel.build(k, 4, true, false, 1 + k);
            check(golden[k - 4], InferenceProtocol.run(s.network(), s.model(), InferenceConfig.hoeffding(0.05, 0.01, 1 + k)));
        }
    }
}
