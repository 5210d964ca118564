package org.qdl.claims.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.Link;
import org.qdl.protocol.Network;
import org.qdl.protocol.Register;
import org.qdl.sim.state.AmplitudeEncoding;

class QuantumInnerProductTest {
    @Test
    void measurementMeanIsTheSignedOverlap() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : new int[] {3, 8, 100}) {
            double[][] xw = LinearCostStudy.correlatedPair(n, r);
            double[] x = xw[0], w = xw[1].clone();
            for (int i = 0; i < n; i++) w[i] = -w[i]; // negative overlap: the sign must survive
            Network net = new Network();
            net.addLocalParty("alice").holdData(QuantumInnerProductProtocol.DATA_KEY, QuantumInnerProductProtocol.withReference(x));
            net.add(new InnerProductReceiver("bob", w));
            Register reg = net.party("alice").encode(QuantumInnerProductProtocol.DATA_KEY, 0);
            net.moveRegister(reg, "bob", "state");
            double c = net.party("bob").exactExpectation(InnerProductReceiver.OVERLAP, reg);
            double dot = 0, nx = 0, nw = 0;
            for (int i = 0; i < n; i++) {
                dot += x[i] * w[i];
                nx += x[i] * x[i];
                nw += w[i] * w[i];
            }
            assertEquals(dot / Math.sqrt(nx * nw), c, 1e-12);
            assertTrue(c < 0);
        }
    }

    @Test
    void ledgerCountsCopiesTimesRegisterWidthAndOneNorm() {
        SplittableRandom r = new SplittableRandom(2);
        for (int n : new int[] {7, 8, 1000}) {
            double[][] xw = LinearCostStudy.correlatedPair(n, r);
            int copies = 123;
            InnerProductResult res = QuantumInnerProductProtocol.runFresh(xw[0], xw[1], copies, 5);
            double dot = 0;
            for (int i = 0; i < n; i++) dot += xw[0][i] * xw[1][i];
            assertEquals(dot, res.exact(), 1e-9 * res.scale());
            assertEquals((long) copies * AmplitudeEncoding.qubitsFor(n + 1), res.qubits());
            assertEquals(64, res.classicalBits());
        }
    }

    /** Var of the mean of S outcomes is (1 − c²)/(2S); the Hoeffding copy count meets ε at 1 − δ. */
    @Test
    void errorMatchesTheOutcomeVarianceAndTheHoeffdingBound() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] xw = LinearCostStudy.correlatedPair(16, r);
        double[] x = xw[0], w = xw[1];
        double dot = 0, nx = 0, nw = 0;
        for (int i = 0; i < 16; i++) {
            dot += x[i] * w[i];
            nx += x[i] * x[i];
            nw += w[i] * w[i];
        }
        double c = dot / Math.sqrt(nx * nw);
        int copies = 50, trials = 3000;
        double sum = 0, sum2 = 0;
        for (int t = 0; t < trials; t++) {
            double e = QuantumInnerProductProtocol.runFresh(x, w, copies, r.nextLong()).estimate() / Math.sqrt(nx * nw);
            sum += e;
            sum2 += e * e;
        }
        double mean = sum / trials, var = sum2 / trials - mean * mean;
        double predicted = (1 - c * c) / (2 * copies);
        assertEquals(c, mean, 4 * Math.sqrt(predicted / trials));
        assertEquals(1, var / predicted, 0.1);

        double eps = 0.2, delta = 0.1;
        int s = SketchBound.quantumCopies(eps, delta), fails = 0, n = 400;
        for (int t = 0; t < n; t++) if (QuantumInnerProductProtocol.runFresh(x, w, s, r.nextLong()).normalizedError() > eps) fails++;
        assertTrue(fails <= n * delta + 3 * Math.sqrt(n * delta * (1 - delta)), fails + " failures");
    }

    @Test
    void onlyAliceSendsQubits() {
        SplittableRandom r = new SplittableRandom(4);
        double[][] xw = LinearCostStudy.correlatedPair(10, r);
        Network net = new Network();
        net.addLocalParty("alice").holdData(QuantumInnerProductProtocol.DATA_KEY, QuantumInnerProductProtocol.withReference(xw[0]));
        net.add(new InnerProductReceiver("bob", xw[1]));
        QuantumInnerProductProtocol.run(net, "alice", "bob", 1, 1, 40, 1);
        assertEquals(0, net.ledger().stats(new Link("bob", "alice")).qubits());
        assertEquals(40L * 4, net.ledger().stats(new Link("alice", "bob")).qubits());
    }
}
