package org.qdl.net.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;
import org.qdl.sim.InvalidInputException;

class NetworkBenchTest {
    @Test
    void remoteSettingsReproduceTheInProcessOutcomesAndCountTheirWireBytes() throws Exception {
        ObjectNode o = NetworkBench.run(4, 2, 10, 1, 8, new PrintWriter(OutputStream.nullOutputStream()));
        assertTrue(o.get("identicalOutcomes").asBoolean());
        long direct = o.get("directSharedSecretWireBytes").asLong(), relay = o.get("relaySharedSecretWireBytes").asLong();
        assertTrue(direct > 0, "direct wire bytes " + direct);
        // the relay route carries every register through the coordinator: each transfer crosses two links
        assertEquals(2 * direct, relay, direct / 10.0, "relay vs direct wire bytes");
        long payload = o.get("transferPayloadBytes").asLong();
        assertEquals(16L << 8, payload);
        for (String m : new String[] {"DirectSharedSecret", "DirectMutualTls"}) {
            long wire = o.get("transfer" + m + "WireBytes").asLong();
            assertTrue(wire >= payload && wire < payload + 1024, m + ": " + wire + " wire bytes for " + payload + " payload bytes");
        }
    }

    @Test
    void badSizesAreInputErrors() {
        assertThrows(InvalidInputException.class, () -> NetworkBench.run(2, 2, 10, 1, 0, new PrintWriter(OutputStream.nullOutputStream())));
    }
}
