package org.qdl.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qdl.net.proto.AmplitudeChunk;
import org.qdl.sim.state.StateVector;

class AmplitudeCodecTest {
    @Test
    void splitThenAssembleIsExactAndEveryChunkFitsTheMessageLimit() {
        int n = 18; // 2^18 amplitudes: two full chunks
        SplittableRandom rnd = new SplittableRandom(3);
        double[] re = new double[1 << n], im = new double[1 << n];
        for (int i = 0; i < re.length; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        StateVector s = StateVector.of(re, im);
        s.normalize();
        List<AmplitudeChunk> chunks = new ArrayList<>();
        long bytes = AmplitudeCodec.split(s, "sess", "r", chunks::add);
        assertEquals(2, chunks.size());
        long sum = 0;
        for (AmplitudeChunk c : chunks) {
            assertTrue(c.getSerializedSize() < PartyServer.MAX_MESSAGE_BYTES, "chunk of " + c.getSerializedSize() + " bytes");
            sum += c.getSerializedSize();
        }
        assertEquals(sum, bytes);
        AmplitudeCodec.Assembler a = new AmplitudeCodec.Assembler(20);
        chunks.forEach(a::add);
        StateVector back = a.finish();
        assertArrayEquals(s.realArray(), back.realArray(), 0.0);
        assertArrayEquals(s.imagArray(), back.imagArray(), 0.0);
        assertEquals(bytes, a.bytes());
    }
}
