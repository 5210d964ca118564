package org.qdl.claims.privacy;

import java.util.Map;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.Link;
import org.qdl.protocol.LinkStats;
import org.qdl.sim.InvalidInputException;

/** Reads a {@link PrivacyReport} off a ledger: any protocol run can be accounted this way. */
public final class PrivacyAccount {
    private PrivacyAccount() {}

    public static PrivacyReport of(CommunicationLedger ledger, String receiver) {
        if (receiver == null || receiver.isBlank()) throw new InvalidInputException("name the receiving party");
        long qIn = 0, bIn = 0, qOut = 0;
        for (Map.Entry<Link, LinkStats> e : ledger.byLink().entrySet()) {
            if (e.getKey().to().equals(receiver)) {
                qIn += e.getValue().qubits();
                bIn += e.getValue().classicalBits();
            }
            if (e.getKey().from().equals(receiver)) qOut += e.getValue().qubits();
        }
        return new PrivacyReport(receiver, qIn, bIn, qOut, ledger.executions());
    }
}
