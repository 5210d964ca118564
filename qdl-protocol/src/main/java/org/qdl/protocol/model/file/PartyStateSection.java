package org.qdl.protocol.model.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.qdl.protocol.LocalParty;

/**
 * A top-level section of a party's state file (party.json) beyond data, layers and observables,
 * defined by a module above the transport: the server that reads the file finds the sections on
 * its class path ({@link ServiceLoader}) and need not know what they build. qdl-learning's
 * "training" gives a party its share of the embedded training task.
 */
public interface PartyStateSection {
    /** The section's key in party.json. */
    String key();

    /**
     * Gives {@code party} what {@code section} describes. User mistakes throw
     * {@link org.qdl.sim.InvalidInputException} as "SOURCE: KEY[.SUBKEY]: what is wrong".
     */
    void hold(LocalParty party, JsonNode section, String source);

    /** The sections on the class path, by key. */
    static List<PartyStateSection> installed() {
        return ServiceLoader.load(PartyStateSection.class, PartyStateSection.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).sorted(Comparator.comparing(PartyStateSection::key)).toList();
    }
}
