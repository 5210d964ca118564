package org.qdl.learning.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.model.file.PartyStateSection;
import org.qdl.sim.InvalidInputException;

/**
 * party.json's "training" section: the party's share of the training run {@code qdl train} would
 * build in-process with the same numbers ({@link TrainingSetup#holdOwnState}): alice's data set and
 * odd layers, bob's even layers and O. Keys: n, layers, train, test, noise, seed (as the options of
 * qdl train).
 */
public final class TrainingStateSection implements PartyStateSection {
    private static final List<String> KEYS = List.of("n", "layers", "train", "test", "noise", "seed");

    @Override
    public String key() {
        return "training";
    }

    @Override
    public void hold(LocalParty p, JsonNode t, String source) {
        if (!t.isObject()) throw bad(source, "training", "expected an object with n, layers, train, test, noise, seed");
        for (Iterator<String> it = t.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!KEYS.contains(f)) throw bad(source, "training." + f, "unknown key (expected n, layers, train, test, noise, seed)");
        }
        JsonNode noise = t.get("noise");
        if (noise == null || !noise.isNumber()) throw bad(source, "training.noise", "missing (expected a number)");
        try {
            TrainingSetup.holdOwnState(p, integer(source, t, "n"), integer(source, t, "layers"), integer(source, t, "train"),
                    integer(source, t, "test"), noise.asDouble(), longValue(source, t, "seed"));
        } catch (InvalidInputException e) {
            throw bad(source, "training", e.getMessage());
        }
    }

    private static int integer(String source, JsonNode spec, String key) {
        JsonNode v = spec.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) throw bad(source, "training." + key, "missing (expected an integer)");
        return v.asInt();
    }

    private static long longValue(String source, JsonNode spec, String key) {
        JsonNode v = spec.get(key);
        if (v == null || !v.isIntegralNumber()) throw bad(source, "training." + key, "missing (expected an integer)");
        return v.asLong();
    }

    private static InvalidInputException bad(String source, String key, String what) {
        return new InvalidInputException(source + ": " + key + ": " + what);
    }
}
