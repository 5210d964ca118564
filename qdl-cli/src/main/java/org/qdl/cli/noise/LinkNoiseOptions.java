package org.qdl.cli.noise;

import org.qdl.protocol.Network;
import org.qdl.protocol.noise.LinkNoise;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.Option;

/** {@code --link-noise SPEC --loss-db-per-km A --link-km L | --link-loss P}: what every quantum link of a run does. */
public final class LinkNoiseOptions {
    @Option(names = {"--link-noise", "--noise"}, paramLabel = "SPEC",
            description = "channels on every qubit crossing a link, e.g. depolarizing:0.01, dephasing:0.02+amplitude-damping:0.01, "
                    + "thermal:t=1,T1=100,T2=80, global-depolarizing:0.05 (default none)")
    String spec;

    @Option(names = "--loss-db-per-km", paramLabel = "A", description = "fibre loss in dB/km (with --link-km; default 0.2 when --link-km is given)")
    Double dbPerKm;

    @Option(names = "--link-km", paramLabel = "L", description = "fibre length per link in km: each qubit arrives with 10^(−A·L/10)")
    Double km;

    @Option(names = "--link-loss", paramLabel = "P", description = "probability that a qubit is lost on a link (instead of --link-km)")
    Double loss;

    @Option(names = "--memory-noise", paramLabel = "SPEC", description = "channels applied by each party's memory before it sends a register on, "
            + "e.g. thermal:t=1,T1=100,T2=80")
    String memory;

    /** The link noise these options describe (NONE if none given). */
    public LinkNoise link() {
        LinkNoise n = spec == null ? LinkNoise.NONE : LinkNoise.parse(spec);
        double eta = n.transmission();
        if (loss != null && km != null) throw new InvalidInputException("give either --link-loss or --link-km, not both");
        if (dbPerKm != null && km == null) throw new InvalidInputException("--loss-db-per-km needs --link-km");
        if (km != null) eta *= LinkNoise.fibreTransmission(km, dbPerKm == null ? 0.2 : dbPerKm);
        if (loss != null) {
            if (!(loss >= 0 && loss < 1)) throw new InvalidInputException("--link-loss must lie in [0, 1), got " + loss);
            eta *= 1 - loss;
        }
        return n.withTransmission(eta);
    }

    public LinkNoise memoryNoise() {
        return memory == null ? LinkNoise.NONE : LinkNoise.parse(memory);
    }

    public boolean any() {
        return !link().perfect() || !memoryNoise().perfect();
    }

    /** Puts the noise on every pair of the network's parties and into every party's memory. */
    public void applyTo(Network net) {
        LinkNoise l = link(), m = memoryNoise();
        var parties = net.parties();
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) net.setLinkNoise(parties.get(i).name(), parties.get(j).name(), l);
            net.setMemoryNoise(parties.get(i).name(), m);
        }
    }

    /** A one-line description for table headers. */
    public String describe() {
        String s = "links: " + link().spec();
        if (!memoryNoise().perfect()) s += "; memory: " + memoryNoise().spec();
        return s;
    }
}
