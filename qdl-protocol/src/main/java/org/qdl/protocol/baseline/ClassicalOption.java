package org.qdl.protocol.baseline;

/**
 * One classical protocol computing the model's output exactly, with its communication.
 *
 * @param name        short name ("vectors", "gather at bob")
 * @param description what crosses the links
 * @param bits        classical bits sent in total
 * @param executed    true if the protocol was run (bits from its ledger), false if costed from the
 *                    public shapes only
 */
public record ClassicalOption(String name, String description, long bits, boolean executed) {}
