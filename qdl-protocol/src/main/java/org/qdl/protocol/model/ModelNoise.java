package org.qdl.protocol.model;

import java.util.List;
import java.util.Map;
import org.qdl.protocol.Network;
import org.qdl.protocol.noise.LinkNoise;

/**
 * The quantum links' noise and loss of a {@link QdlModel} (model file key {@code "noise"}), and each
 * party's memory noise: part of the model because a study of "my model on my network" needs both.
 * Empty for a model of perfect links, which then runs bit for bit as without this record.
 */
public record ModelNoise(List<Link> links, Map<String, LinkNoise> memory) {
    /** The noise of the (undirected) link between parties a and b. */
    public record Link(String a, String b, LinkNoise noise) {}

    public static final ModelNoise NONE = new ModelNoise(List.of(), Map.of());

    public ModelNoise {
        links = List.copyOf(links);
        memory = Map.copyOf(memory);
    }

    public boolean perfect() {
        return links.stream().allMatch(l -> l.noise().perfect()) && memory.values().stream().allMatch(LinkNoise::perfect);
    }

    /** Whether any link or memory noise involves {@code party}. */
    public boolean touches(String party) {
        return links.stream().anyMatch(l -> !l.noise().perfect() && (l.a().equals(party) || l.b().equals(party)))
                || (memory.containsKey(party) && !memory.get(party).perfect());
    }

    /** Configures {@code net}'s links and memories (both directions of each link). */
    public void applyTo(Network net) {
        for (Link l : links) net.setLinkNoise(l.a(), l.b(), l.noise());
        memory.forEach(net::setMemoryNoise);
    }
}
