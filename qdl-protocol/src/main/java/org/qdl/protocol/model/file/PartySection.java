package org.qdl.protocol.model.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.qdl.protocol.model.DataReuploadingLayer;
import org.qdl.protocol.model.DiagonalPhaseLayer;
import org.qdl.protocol.model.Layer;
import org.qdl.protocol.model.Layers;
import org.qdl.protocol.model.PauliLayer;
import org.qdl.protocol.model.qasm.QasmLayer;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.observable.PauliString;
import org.qdl.sim.observable.PauliSum;

/**
 * Reads a party's "data", "layers" and "observables" sections (the format of docs/models.md,
 * shared with qdl-net's party.json). Everything is read and checked now — data files, OpenQASM
 * files — so nothing fails half-way through a run. Errors name the file and key path.
 */
public final class PartySection {
    private final Json j;
    private final Path dir;

    private PartySection(Json j, Path dir) {
        this.j = j;
        this.dir = dir;
    }

    /**
     * @param node   the object holding data / layers / observables (other keys are the caller's)
     * @param prefix key path of {@code node} in its file ("" at the top, "parties.bob." inside a model)
     * @param dir    directory that relative file paths resolve against
     */
    public static PartySpec read(String name, JsonNode node, String prefix, Path dir, String source) {
        PartySection r = new PartySection(new Json(source), dir);
        List<PartySpec.DataItem> data = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : r.j.entries(node, prefix + "data")) {
            String w = prefix + "data." + e.getKey();
            data.add(new PartySpec.DataItem(e.getKey(), r.data(w, e.getValue()), source + ": " + w));
        }
        List<PartySpec.LayerItem> layers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : r.j.entries(node, prefix + "layers")) {
            layers.add(r.layer(e.getKey(), prefix + "layers." + e.getKey(), e.getValue(), node.get("data")));
        }
        List<PartySpec.ObservableItem> obs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : r.j.entries(node, prefix + "observables")) {
            String w = prefix + "observables." + e.getKey();
            JsonNode spec = e.getValue();
            String type = r.j.text(w, spec, "type");
            if (!type.equals("pauliSum")) throw r.j.bad(w + ".type", "unknown observable type '" + type + "' (expected pauliSum)");
            r.j.only(w, spec, Set.of("type", "terms"));
            String terms = r.j.text(w, spec, "terms");
            PauliSum o;
            try {
                o = PauliSum.parse(terms);
            } catch (InvalidInputException ex) {
                throw r.j.bad(w + ".terms", "'" + terms + "': " + ex.getMessage());
            }
            obs.add(new PartySpec.ObservableItem(e.getKey(), o, source + ": " + w));
        }
        return new PartySpec(name, data, layers, obs);
    }

    private double[] data(String w, JsonNode spec) {
        String type = j.text(w, spec, "type");
        switch (type) {
            case "values":
                j.only(w, spec, Set.of("type", "values"));
                return j.numbers(w + ".values", spec.get("values"));
            case "gaussian": {
                j.only(w, spec, Set.of("type", "length", "seed"));
                int len = j.integer(w, spec, "length");
                if (len < 1 || len > 1 << 26) throw j.bad(w + ".length", "must be in 1..2^26, got " + len);
                SplittableRandom rnd = new SplittableRandom(j.longValue(w, spec, "seed"));
                double[] x = new double[len];
                for (int i = 0; i < len; i++) x[i] = rnd.nextGaussian();
                return x;
            }
            case "file": {
                j.only(w, spec, Set.of("type", "path"));
                try {
                    return NumberFiles.read(dir.resolve(j.text(w, spec, "path")));
                } catch (InvalidInputException e) {
                    throw j.bad(w + ".path", e.getMessage());
                } catch (java.nio.file.InvalidPathException e) {
                    throw j.bad(w + ".path", "not a valid path: " + e.getMessage());
                }
            }
            default:
                throw j.bad(w + ".type", "unknown data type '" + type + "' (expected values, gaussian or file)");
        }
    }

    private PartySpec.LayerItem layer(String key, String w, JsonNode spec, JsonNode dataSection) {
        String type = j.text(w, spec, "type");
        List<String> trainable = trainable(w, spec);
        List<String> names = null;
        Supplier<Layer> f;
        switch (type) {
            case "hardwareEfficient": {
                j.only(w, spec, Set.of("type", "qubits", "seed", "trainable"));
                int q = qubits(w, spec);
                long seed = j.longValue(w, spec, "seed");
                f = () -> Layers.hardwareEfficient(q, new SplittableRandom(seed));
                break;
            }
            case "commutingZZ": {
                j.only(w, spec, Set.of("type", "qubits", "seed", "trainable"));
                int q = qubits(w, spec);
                long seed = j.longValue(w, spec, "seed");
                f = () -> Layers.commutingZZ(q, new SplittableRandom(seed));
                break;
            }
            case "pauli": {
                j.only(w, spec, Set.of("type", "qubits", "generators", "theta", "names", "trainable"));
                int q = qubits(w, spec);
                List<PauliString> gens = generators(w, spec);
                double[] theta = j.numbers(w + ".theta", spec.get("theta"));
                if (theta.length != gens.size()) throw j.bad(w + ".theta", gens.size() + " generators but " + theta.length + " angles");
                if (spec.has("names")) names = j.strings(w + ".names", spec.get("names"));
                f = () -> PauliLayer.ofGenerators(q, gens, theta);
                break;
            }
            case "diagonalPhase": {
                j.only(w, spec, Set.of("type", "qubits", "seed", "theta", "trainable"));
                int q = qubits(w, spec);
                if (q > 20) throw j.bad(w + ".qubits", "a diagonal phase layer has 2^qubits parameters; at most 20 qubits, got " + q);
                if (spec.has("theta") == spec.has("seed")) throw j.bad(w, "give exactly one of theta (2^qubits phases) or seed");
                if (spec.has("theta")) {
                    double[] theta = j.numbers(w + ".theta", spec.get("theta"));
                    if (theta.length != 1 << q) throw j.bad(w + ".theta", (1 << q) + " phases needed for " + q + " qubits, got " + theta.length);
                    f = () -> new DiagonalPhaseLayer(q, theta);
                } else {
                    long seed = j.longValue(w, spec, "seed");
                    f = () -> DiagonalPhaseLayer.random(q, new SplittableRandom(seed));
                }
                break;
            }
            case "reupload": {
                j.only(w, spec, Set.of("type", "qubits", "generators", "data", "scale"));
                int q = qubits(w, spec);
                List<PauliString> gens = generators(w, spec);
                String dk = j.text(w, spec, "data");
                JsonNode d = dataSection == null ? null : dataSection.get(dk);
                if (d == null) throw j.bad(w + ".data", "the party holds no data named '" + dk + "'");
                double[] input = data(w.substring(0, w.indexOf("layers.")) + "data." + dk, d);
                double scale = spec.has("scale") ? j.number(w + ".scale", spec.get("scale")) : 1.0;
                if (input.length != gens.size()) throw j.bad(w + ".generators", gens.size() + " generators but data " + dk + " has " + input.length + " features");
                check(w, () -> new DataReuploadingLayer(q, gens, input, scale));
                f = () -> new DataReuploadingLayer(q, gens, input, scale);
                break;
            }
            case "qasm": {
                j.only(w, spec, Set.of("type", "file", "parameters", "theta", "seed", "trainable"));
                String file = j.text(w, spec, "file");
                List<String> declared = spec.has("parameters") ? j.strings(w + ".parameters", spec.get("parameters")) : List.of();
                QasmLayer ql;
                try {
                    ql = QasmLayer.load(dir.resolve(file), declared);
                } catch (java.nio.file.InvalidPathException e) {
                    throw j.bad(w + ".file", "not a valid path: " + e.getMessage());
                } catch (InvalidInputException e) {
                    if (e instanceof org.qdl.sim.qasm.QasmException || e.getMessage().startsWith(dir.resolve(file) + ":")) throw e;
                    throw j.bad(w + ".file", e.getMessage());
                }
                double[] theta = qasmTheta(w, spec, ql.parameterNames());
                names = ql.parameterNames();
                f = () -> ql.layer(theta);
                break;
            }
            default:
                throw j.bad(w + ".type", "unknown layer type '" + type
                        + "' (expected hardwareEfficient, commutingZZ, pauli, diagonalPhase, reupload or qasm)");
        }
        return new PartySpec.LayerItem(key, f, names, trainable, j.source() + ": " + w); // the builder builds it once now: errors surface before any run
    }

    private void check(String w, Supplier<? extends Layer> f) {
        try {
            f.get();
        } catch (InvalidInputException e) {
            throw j.bad(w, e.getMessage());
        }
    }

    /** Initial angles of a qasm layer: "theta": {name: value, …} for every parameter, or "seed" (uniform in [−π, π)). */
    private double[] qasmTheta(String w, JsonNode spec, List<String> names) {
        if (spec.has("theta") == spec.has("seed")) throw j.bad(w, "give exactly one of theta ({name: angle, …}) or seed");
        double[] t = new double[names.size()];
        if (spec.has("seed")) {
            SplittableRandom rnd = new SplittableRandom(j.longValue(w, spec, "seed"));
            for (int i = 0; i < t.length; i++) t[i] = rnd.nextDouble(-Math.PI, Math.PI);
            return t;
        }
        JsonNode th = spec.get("theta");
        if (!th.isObject()) throw j.bad(w + ".theta", "expected an object {parameter: angle, …}");
        for (Iterator<String> it = th.fieldNames(); it.hasNext();) {
            String n = it.next();
            if (!names.contains(n)) throw j.bad(w + ".theta." + n, "the layer has no parameter '" + n + "' (it has " + names + ")");
        }
        for (int i = 0; i < t.length; i++) {
            JsonNode v = th.get(names.get(i));
            if (v == null) throw j.bad(w + ".theta." + names.get(i), "missing (every parameter needs an initial angle)");
            t[i] = j.number(w + ".theta." + names.get(i), v);
        }
        return t;
    }

    private List<String> trainable(String w, JsonNode spec) {
        JsonNode t = spec.get("trainable");
        if (t == null || (t.isBoolean() && t.asBoolean())) return null;
        if (t.isBoolean()) return List.of();
        if (t.isArray()) return j.strings(w + ".trainable", t);
        throw j.bad(w + ".trainable", "expected true, false or an array of parameter names, got " + Json.show(t));
    }

    private int qubits(String w, JsonNode spec) {
        int q = j.integer(w, spec, "qubits");
        if (q < 1 || q > 30) throw j.bad(w + ".qubits", "must be in 1..30, got " + q);
        return q;
    }

    private List<PauliString> generators(String w, JsonNode spec) {
        JsonNode g = spec.get("generators");
        if (g == null || !g.isArray() || g.isEmpty()) throw j.bad(w + ".generators", "expected a non-empty array of Pauli strings");
        List<PauliString> gens = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            if (!g.get(i).isTextual()) throw j.bad(w + ".generators[" + i + "]", Json.show(g.get(i)) + " is not a Pauli string");
            try {
                gens.add(PauliString.parse(g.get(i).asText()));
            } catch (InvalidInputException e) {
                throw j.bad(w + ".generators[" + i + "]", "'" + g.get(i).asText() + "': " + e.getMessage());
            }
        }
        return gens;
    }
}
