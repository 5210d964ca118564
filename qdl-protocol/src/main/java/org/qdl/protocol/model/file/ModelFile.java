package org.qdl.protocol.model.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.qdl.protocol.NumberEncoding;
import org.qdl.protocol.model.QdlModel;
import org.qdl.protocol.model.QdlModelBuilder;
import org.qdl.sim.InvalidInputException;

/**
 * Reads a model file (JSON, or YAML for .yaml/.yml; format in docs/models.md) into a {@link QdlModel} through
 * {@link QdlModelBuilder}, so a file and the same model written in Java agree by construction.
 * Everything is read and checked before anything runs; every mistake is one
 * {@link InvalidInputException} naming the file, the key path (or line) and the value.
 *
 * <p>A party's section may live in its own file ({@code "bob": {"$file": "bob.json"}}), so each
 * operator needs only its share: parties named in {@code external} are not read at all.
 */
public final class ModelFile {
    static final Set<String> TOP = Set.of("format", "description", "qubits", "ancillas", "parties", "input", "steps", "output", "noise");
    static final String FORMAT = "qdl-model/1";

    private ModelFile() {}

    /** Built once (an ObjectMapper is costly to make and safe to share); duplicate keys are errors. */
    private static final class Mappers {
        static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        static final ObjectMapper YAML = com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** Reads a model file and every party file it names. */
    public static QdlModel load(Path file) throws IOException {
        return load(file, Set.of());
    }

    /** Reads a model file; the parties in {@code external} are served elsewhere, and their files are not read. */
    public static QdlModel load(Path file, Collection<String> external) throws IOException {
        return parse(readText(file), dirOf(file), file.toString(), external);
    }

    /**
     * Reads a model file for the operator of {@code party}: only that party's share is read (every
     * other party is external), which is what {@code qdl party serve --model FILE --as NAME} serves.
     */
    public static QdlModel loadFor(Path file, String party) throws IOException {
        String text = readText(file);
        JsonNode parties = tree(text, file.toString()).get("parties");
        java.util.List<String> others = new java.util.ArrayList<>();
        if (parties != null && parties.isObject()) parties.fieldNames().forEachRemaining(others::add);
        if (!others.remove(party)) throw new InvalidInputException(file + ": parties: no party named '" + party + "' (parties: " + others + ")");
        return parse(text, dirOf(file), file.toString(), others);
    }

    static Path dirOf(Path file) {
        Path d = file.toAbsolutePath().getParent();
        return d == null ? Path.of(".") : d;
    }

    static String readText(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new InvalidInputException(file + ": is a directory, not a model file");
        if (!Files.exists(file)) throw new InvalidInputException(file + ": no such file");
        if (Files.size(file) > 64 << 20) throw new InvalidInputException(file + ": larger than 64 MiB; put large data in .npy files");
        byte[] b = Files.readAllBytes(file);
        for (byte x : b) if (x == 0) throw new InvalidInputException(file + ": a binary file, not JSON");
        return new String(b, StandardCharsets.UTF_8);
    }

    /** JSON, or YAML when the file name ends in .yaml / .yml (the same keys). */
    static JsonNode tree(String text, String source) {
        boolean yaml = source.endsWith(".yaml") || source.endsWith(".yml");
        ObjectMapper om = yaml ? Mappers.YAML : Mappers.JSON;
        JsonNode root;
        try {
            root = om.readTree(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage().split("\n")[0];
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new InvalidInputException(source + ":" + line + ": not valid " + (yaml ? "YAML" : "JSON") + ": " + msg);
        }
        if (root == null || !root.isObject()) throw new InvalidInputException(source + ": expected " + (yaml ? "a YAML mapping" : "a JSON object"));
        return root;
    }

    /** Parses model-file text; relative paths resolve against {@code dir}. */
    public static QdlModel parse(String text, Path dir, String source, Collection<String> external) throws IOException {
        JsonNode root = tree(text, source);
        Json j = new Json(source);
        SchemaCheck.model(root, source);
        j.only("", root, TOP);
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw j.bad("format", "'" + root.get("format").asText() + "' is not supported (expected " + FORMAT + ")");
        }
        QdlModelBuilder b = QdlModel.builder().source(source);
        b.at(source + ": qubits").qubits(j.integer("", root, "qubits"));
        if (root.has("ancillas")) b.at(source + ": ancillas").ancillas(j.integer("", root, "ancillas"));
        JsonNode parties = root.get("parties");
        if (parties == null || !parties.isObject() || parties.isEmpty()) throw j.bad("parties", "expected an object with at least one party, got " + Json.show(parties));
        for (String e : external) {
            if (!parties.has(e)) throw j.bad("parties", "no party named '" + e + "' (parties: " + names(parties) + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = parties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey(), w = "parties." + name;
            if (!e.getValue().isObject()) throw j.bad(w, "expected an object (the party's items, or {\"$file\": …}), got " + Json.show(e.getValue()));
            if (external.contains(name)) {
                b.at(source + ": " + w).external(name);
                continue;
            }
            b.at(source + ": " + w);
            party(name, e.getValue(), w, dir, source).addTo(b);
        }
        JsonNode in = object(j, root, "input");
        j.only("input", in, Set.of("party", "data"));
        b.at(source + ": input").input(j.text("input", in, "party"), j.text("input", in, "data"));
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray()) throw j.bad("steps", "expected an array of {\"party\": …, \"layer\": …}, got " + Json.show(steps));
        for (int i = 0; i < steps.size(); i++) {
            String w = "steps[" + i + "]";
            JsonNode s = steps.get(i);
            if (!s.isObject()) throw j.bad(w, "expected {\"party\": …, \"layer\": …}, got " + Json.show(s));
            j.only(w, s, Set.of("party", "layer"));
            b.at(source + ": " + w).step(j.text(w, s, "party"), j.text(w, s, "layer"));
        }
        JsonNode out = object(j, root, "output");
        j.only("output", out, Set.of("party", "observable", "rescaled", "normEncoding"));
        b.at(source + ": output").output(j.text("output", out, "party"), j.text("output", out, "observable"));
        JsonNode r = out.get("rescaled");
        if (r != null && !r.isBoolean()) throw j.bad("output.rescaled", "expected true or false, got " + Json.show(r));
        if (out.has("normEncoding") && (r == null || !r.asBoolean())) throw j.bad("output.normEncoding", "only meaningful with \"rescaled\": true");
        if (r != null && r.asBoolean()) {
            String enc = out.has("normEncoding") ? j.text("output", out, "normEncoding") : "float64";
            NumberEncoding ne = switch (enc) {
                case "float64" -> NumberEncoding.FLOAT64;
                case "float32" -> NumberEncoding.FLOAT32;
                default -> throw j.bad("output.normEncoding", "'" + enc + "' (expected float32 or float64)");
            };
            b.rescaled(ne);
        }
        if (root.has("noise")) noise(j, root.get("noise"), source, b);
        return b.build();
    }

    /** {"links": [{"between": [a, b], "noise": SPEC}], "memory": {party: SPEC}}; SPEC as LinkNoise.parse (docs/noise.md). */
    private static void noise(Json j, JsonNode noise, String source, QdlModelBuilder b) {
        if (!noise.isObject()) throw j.bad("noise", "expected an object with \"links\" and/or \"memory\", got " + Json.show(noise));
        j.only("noise", noise, Set.of("links", "memory"));
        JsonNode links = noise.get("links");
        if (links != null) {
            if (!links.isArray()) throw j.bad("noise.links", "expected an array of {\"between\": [a, b], \"noise\": SPEC}, got " + Json.show(links));
            for (int i = 0; i < links.size(); i++) {
                String w = "noise.links[" + i + "]";
                JsonNode l = links.get(i);
                if (!l.isObject()) throw j.bad(w, "expected {\"between\": [a, b], \"noise\": SPEC}, got " + Json.show(l));
                j.only(w, l, Set.of("between", "noise"));
                JsonNode ab = l.get("between");
                if (ab == null || !ab.isArray() || ab.size() != 2 || !ab.get(0).isTextual() || !ab.get(1).isTextual()) {
                    throw j.bad(w + ".between", "expected two party names, got " + Json.show(ab));
                }
                b.at(source + ": " + w).linkNoise(ab.get(0).asText(), ab.get(1).asText(), spec(j, w, l));
            }
        }
        JsonNode memory = noise.get("memory");
        if (memory != null) {
            if (!memory.isObject()) throw j.bad("noise.memory", "expected an object {party: SPEC}, got " + Json.show(memory));
            for (Iterator<Map.Entry<String, JsonNode>> it = memory.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String w = "noise.memory." + e.getKey();
                if (!e.getValue().isTextual()) throw j.bad(w, "expected a noise spec such as \"thermal:t=1,T1=100,T2=80\", got " + Json.show(e.getValue()));
                b.at(source + ": " + w).memoryNoise(e.getKey(), parseSpec(j, w, e.getValue().asText()));
            }
        }
    }

    private static org.qdl.protocol.noise.LinkNoise spec(Json j, String w, JsonNode link) {
        return parseSpec(j, w + ".noise", j.text(w, link, "noise"));
    }

    private static org.qdl.protocol.noise.LinkNoise parseSpec(Json j, String w, String spec) {
        try {
            return org.qdl.protocol.noise.LinkNoise.parse(spec);
        } catch (InvalidInputException e) {
            throw j.bad(w, e.getMessage());
        }
    }

    private static String names(JsonNode parties) {
        StringBuilder s = new StringBuilder();
        parties.fieldNames().forEachRemaining(n -> s.append(s.length() > 0 ? ", " : "").append(n));
        return s.toString();
    }

    private static JsonNode object(Json j, JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isObject()) throw j.bad(key, "expected an object, got " + Json.show(v));
        return v;
    }

    /** One party's items: inline, or from {"$file": PATH} (a party file; qdl-net's party.json without "training" works too). */
    static PartySpec party(String name, JsonNode node, String w, Path dir, String source) throws IOException {
        if (node.has("$file")) {
            new Json(source).only(w, node, Set.of("$file"));
            Path f;
            try {
                f = dir.resolve(new Json(source).text(w, node, "$file"));
            } catch (java.nio.file.InvalidPathException e) {
                throw new InvalidInputException(source + ": " + w + ".$file: not a valid path: " + e.getMessage());
            }
            String text;
            try {
                text = readText(f);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(source + ": " + w + ".$file: " + e.getMessage(), e);
            }
            return partyFile(name, text, dirOf(f), f.toString());
        }
        new Json(source).only(w, node, Set.of("data", "layers", "observables"));
        return PartySection.read(name, node, w + ".", dir, source);
    }

    /** A party file: {"name"?, "data", "layers", "observables"}; the name, if given, must match. */
    public static PartySpec partyFile(String name, String text, Path dir, String source) {
        JsonNode root = tree(text, source);
        Json j = new Json(source);
        SchemaCheck.party(root, source);
        j.only("", root, Set.of("name", "data", "layers", "observables"));
        if (root.has("name") && !root.get("name").asText().equals(name)) {
            throw j.bad("name", "'" + root.get("name").asText() + "' but the model names this party '" + name + "'");
        }
        return PartySection.read(name, root, "", dir, source);
    }
}
