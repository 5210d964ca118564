package org.qdl.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.qdl.learning.train.TrainingSetup;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.Layers;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.PauliString;
import org.qdl.sim.PauliSum;

/**
 * A party's private state as its operator writes it: {@code DIR/party.json} (format in
 * docs/network.md). Items are either given literally or generated from a seed, so the same file
 * yields the same party in any process. {@link #newParty()} builds a fresh {@link LocalParty} —
 * one per session, which isolates concurrent sessions.
 *
 * <pre>{@code
 * { "name": "bob",
 *   "data":        { "x":  {"type": "gaussian", "length": 1024, "seed": 7} },
 *   "layers":      { "U2": {"type": "hardwareEfficient", "qubits": 10, "seed": 2},
 *                    "V":  {"type": "pauli", "qubits": 2, "generators": ["Z0 Z1", "X1"], "theta": [0.1, -0.4]} },
 *   "observables": { "O":  {"type": "pauliSum", "terms": "0.7 Z0 Z1 - 0.3 X2"} } }
 * }</pre>
 */
public final class PartyState {
    public static final String FILE_NAME = "party.json";

    private final String name;
    private final JsonNode root;
    private final Path dir;
    private final String source;

    private PartyState(String name, JsonNode root, Path dir, String source) {
        this.name = name;
        this.root = root;
        this.dir = dir;
        this.source = source;
    }

    /** Reads {@code dir/party.json}; user mistakes throw {@link InvalidInputException} naming the file and key. */
    public static PartyState load(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file + " (a party's state directory must contain " + FILE_NAME + ")");
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new org.qdl.sim.InvalidInputException(file + " is not UTF-8 text (JSON is)");
        }
        return parse(text, dir, file.toString());
    }

    /** Parses a party description given as JSON text (relative data files resolve against {@code dir}). */
    public static PartyState parse(String json, Path dir, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new InvalidInputException(source + ": expected a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!List.of("name", "data", "layers", "observables", "training").contains(f)) {
                throw new InvalidInputException(source + ": unknown key '" + f + "' (expected name, data, layers, observables, training)");
            }
        }
        JsonNode n = root.get("name");
        if (n == null || !n.isTextual()) throw new InvalidInputException(source + ": 'name' (the party's name) is missing");
        PartyState s = new PartyState(n.asText(), root, dir, source);
        s.newParty(); // validate everything now, not at the first session
        return s;
    }

    public String name() {
        return name;
    }

    /** The state directory: relative data files resolve against it, and saved training layers live in its runs/. */
    public Path dir() {
        return dir;
    }

    /** A fresh party with this state and no registers. */
    public LocalParty newParty() {
        LocalParty p = new LocalParty(name);
        for (Map.Entry<String, JsonNode> e : entries("data")) p.holdData(e.getKey(), data("data." + e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : entries("layers")) p.holdLayer(e.getKey(), layer("layers." + e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : entries("observables")) {
            String where = "observables." + e.getKey();
            String type = text(where, e.getValue(), "type");
            if (!type.equals("pauliSum")) throw bad(where + ".type", "unknown observable type '" + type + "' (expected pauliSum)");
            p.holdObservable(e.getKey(), PauliSum.parse(text(where, e.getValue(), "terms")));
        }
        JsonNode t = root.get("training");
        if (t != null) training(p, t);
        return p;
    }

    /**
     * The party's share of the training run {@code qdl train} would build in-process with the same
     * numbers ({@link TrainingSetup#holdOwnState}): alice's data set and odd layers, bob's even
     * layers and O. Keys: n, layers, train, test, noise, seed (as the options of qdl train).
     */
    private void training(LocalParty p, JsonNode t) {
        if (!t.isObject()) throw bad("training", "expected an object with n, layers, train, test, noise, seed");
        for (Iterator<String> it = t.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!List.of("n", "layers", "train", "test", "noise", "seed").contains(f)) throw bad("training." + f, "unknown key (expected n, layers, train, test, noise, seed)");
        }
        JsonNode noise = t.get("noise");
        if (noise == null || !noise.isNumber()) throw bad("training.noise", "missing (expected a number)");
        try {
            TrainingSetup.holdOwnState(p, integer("training", t, "n"), integer("training", t, "layers"), integer("training", t, "train"),
                    integer("training", t, "test"), noise.asDouble(), longValue("training", t, "seed"));
        } catch (InvalidInputException e) {
            throw bad("training", e.getMessage());
        }
    }

    private List<Map.Entry<String, JsonNode>> entries(String section) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        JsonNode s = root.get(section);
        if (s == null) return out;
        if (!s.isObject()) throw bad(section, "expected an object of named items");
        s.fields().forEachRemaining(out::add);
        return out;
    }

    private double[] data(String where, JsonNode spec) {
        String type = text(where, spec, "type");
        switch (type) {
            case "values":
                return numbers(where + ".values", spec.get("values"));
            case "gaussian": {
                int len = integer(where, spec, "length");
                if (len < 1) throw bad(where + ".length", "must be at least 1, got " + len);
                SplittableRandom rnd = new SplittableRandom(longValue(where, spec, "seed"));
                double[] x = new double[len];
                for (int i = 0; i < len; i++) x[i] = rnd.nextGaussian();
                return x;
            }
            case "file": {
                Path f = dir.resolve(text(where, spec, "path"));
                try {
                    String[] tok = Files.readString(f).trim().split("[\\s,]+");
                    double[] x = new double[tok.length];
                    for (int i = 0; i < tok.length; i++) {
                        try {
                            x[i] = Double.parseDouble(tok[i]);
                        } catch (NumberFormatException ex) {
                            throw new InvalidInputException(f + ": value " + (i + 1) + " '" + tok[i] + "' is not a number");
                        }
                        if (!Double.isFinite(x[i])) throw new InvalidInputException(f + ": value " + (i + 1) + " is " + tok[i]);
                    }
                    return x;
                } catch (IOException ex) {
                    throw bad(where + ".path", "cannot read " + f + ": " + ex.getMessage());
                }
            }
            default:
                throw bad(where + ".type", "unknown data type '" + type + "' (expected values, gaussian or file)");
        }
    }

    private Layer layer(String where, JsonNode spec) {
        String type = text(where, spec, "type");
        int qubits = integer(where, spec, "qubits");
        if (qubits < 1 || qubits > 30) throw bad(where + ".qubits", "must be in 1..30, got " + qubits);
        switch (type) {
            case "hardwareEfficient":
                return Layers.hardwareEfficient(qubits, new SplittableRandom(longValue(where, spec, "seed")));
            case "commutingZZ":
                return Layers.commutingZZ(qubits, new SplittableRandom(longValue(where, spec, "seed")));
            case "pauli": {
                JsonNode g = spec.get("generators");
                if (g == null || !g.isArray()) throw bad(where + ".generators", "expected an array of Pauli strings");
                List<PauliString> gens = new ArrayList<>();
                for (JsonNode t : g) gens.add(PauliString.parse(t.asText()));
                return PauliLayer.ofGenerators(qubits, gens, numbers(where + ".theta", spec.get("theta")));
            }
            default:
                throw bad(where + ".type", "unknown layer type '" + type + "' (expected hardwareEfficient, commutingZZ or pauli)");
        }
    }

    private double[] numbers(String where, JsonNode a) {
        if (a == null || !a.isArray()) throw bad(where, "expected an array of numbers");
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) {
            if (!a.get(i).isNumber()) throw bad(where + "[" + i + "]", "'" + a.get(i) + "' is not a number");
            x[i] = a.get(i).asDouble();
        }
        return x;
    }

    private String text(String where, JsonNode spec, String key) {
        JsonNode v = spec == null ? null : spec.get(key);
        if (v == null || !v.isTextual()) throw bad(where + "." + key, "missing (expected a string)");
        return v.asText();
    }

    private int integer(String where, JsonNode spec, String key) {
        JsonNode v = spec.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) throw bad(where + "." + key, "missing (expected an integer)");
        return v.asInt();
    }

    private long longValue(String where, JsonNode spec, String key) {
        JsonNode v = spec.get(key);
        if (v == null || !v.isIntegralNumber()) throw bad(where + "." + key, "missing (expected an integer)");
        return v.asLong();
    }

    private InvalidInputException bad(String key, String what) {
        return new InvalidInputException(source + ": " + key + ": " + what);
    }
}
