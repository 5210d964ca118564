package org.qdl.protocol.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.noise.KrausChannel;
import org.qdl.sim.noise.PauliChannel;

/** The noise spec: parsing, units, scaling, and one-line errors naming the term. */
class LinkNoiseTest {
    @Test
    void parsesTermsAndUnits() {
        LinkNoise n = LinkNoise.parse("depolarizing:0.01 + amplitude-damping:0.02+fibre:km=10,dbPerKm=0.2");
        assertEquals(2, n.channels().size());
        assertEquals(0.0025, ((PauliChannel) n.channels().get(0)).px(), 1e-18);
        assertTrue(n.channels().get(1) instanceof KrausChannel);
        assertEquals(Math.pow(10, -0.2), n.transmission(), 1e-15); // 2 dB
        assertEquals(0.9 * 0.8, LinkNoise.parse("loss:0.1+transmission:0.8").transmission(), 1e-15);
        assertEquals(3, LinkNoise.parse("thermal:t=1,T1=100,T2=80").channels().size() + 1); // damping + dephasing
        assertTrue(LinkNoise.parse("none").perfect());
        assertEquals(n.spec(), LinkNoise.parse(n.spec()).spec(), "the canonical spec parses back to itself");
        assertEquals(0.03, LinkNoise.parse("dephasing:0.01").scaled(3).terms().get(0).params()[0], 1e-15);
        assertEquals(0.5, LinkNoise.parse("global-depolarizing:0.5").globalShrink());
    }

    @Test
    void errorsNameTheSpecAndTerm() {
        for (String bad : new String[] {"depolarizing", "depolarizing:abc", "depolarizing:2", "foo:1", "loss:1", "thermal:t=1,T1=5",
                "thermal:t=1,T1=5,T2=20", "fibre:km=-1,dbPerKm=0.2", "amplitude-damping:1.5"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> LinkNoise.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        assertThrows(InvalidInputException.class, () -> LinkNoise.parse("depolarizing:0.5").scaled(3));
    }
}
