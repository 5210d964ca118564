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
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.model.file.PartySection;
import org.qdl.protocol.model.file.PartySpec;
import org.qdl.protocol.model.file.PartyStateSection;
import org.qdl.sim.InvalidInputException;

/**
 * A party's private state as its operator writes it: {@code DIR/party.json} (format in
 * docs/network.md). Items are either given literally or generated from a seed, so the same file
 * yields the same party in any process. {@link #newParty()} builds a fresh {@link LocalParty} —
 * one per session, which isolates concurrent sessions. Further top-level sections, such as
 * "training", are defined by the modules above ({@link PartyStateSection}).
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
    /** Sections defined above the transport, such as qdl-learning's "training" ({@link PartyStateSection}). */
    private static final List<PartyStateSection> SECTIONS = PartyStateSection.installed();
    private static final List<String> KEYS = keys();

    private final String name;
    private final JsonNode root;
    private final Path dir;
    private final String source;
    private final PartySpec items; // data, layers, observables: read once, as a model file's party section is

    private PartyState(String name, JsonNode root, Path dir, String source) {
        this.name = name;
        this.root = root;
        this.dir = dir;
        this.source = source;
        this.items = PartySection.read(name, root, "", dir, source);
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
            if (!KEYS.contains(f)) throw new InvalidInputException(source + ": unknown key '" + f + "' (expected " + String.join(", ", KEYS) + ")");
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
        LocalParty p = items.newParty();
        for (PartyStateSection section : SECTIONS) {
            JsonNode n = root.get(section.key());
            if (n != null) section.hold(p, n, source);
        }
        return p;
    }

    private static List<String> keys() {
        List<String> k = new ArrayList<>(List.of("name", "data", "layers", "observables"));
        for (PartyStateSection s : SECTIONS) k.add(s.key());
        return List.copyOf(k);
    }
}
