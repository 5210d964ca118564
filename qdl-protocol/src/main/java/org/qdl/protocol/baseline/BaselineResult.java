package org.qdl.protocol.baseline;

import java.util.List;
import org.qdl.protocol.CommunicationLedger;
import org.qdl.protocol.NumberEncoding;

/**
 * The classical baselines of a model at one number encoding.
 *
 * @param vectorOutput f(x) as the vector-passing protocol computed it (after the encoding's rounding)
 * @param vectorLedger the vector-passing protocol's messages
 * @param options      every protocol considered, the vector-passing one first
 * @param cheapest     the option with the fewest bits (the one the comparison uses)
 */
public record BaselineResult(NumberEncoding encoding, double vectorOutput, CommunicationLedger vectorLedger,
        List<ClassicalOption> options, ClassicalOption cheapest) {
    public long vectorBits() {
        return vectorLedger.totalClassicalBits();
    }
}
