package org.qdl.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.model.Layer;

/**
 * A party's own training checkpoints: the parameters of its layers after a given step of a run,
 * kept under its state directory as {@code runs/RUN_ID/step-STEP.json}. Only the party reads or
 * writes them; the coordinator just names (run id, step). Doubles are written with
 * Double.toString and parsed back exactly; writes go to a temporary file moved into place.
 */
final class LayerStore {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path stateDir;

    LayerStore(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** The file of (runId, step); the run id is checked so it cannot leave the state directory. */
    Path file(String runId, long step) {
        if (!RUN_ID.matcher(runId).matches()) throw PartyService.fail(Status.INVALID_ARGUMENT, "run id '" + runId + "' must be 1–64 characters from [A-Za-z0-9_.-], not starting with '.'");
        if (step < 0) throw PartyService.fail(Status.INVALID_ARGUMENT, "step must be ≥ 0, got " + step);
        return stateDir.resolve("runs").resolve(runId).resolve("step-" + step + ".json");
    }

    void save(LocalParty party, String runId, long step) {
        Path f = file(runId, step);
        ObjectNode root = JSON.createObjectNode().put("party", party.name()).put("runId", runId).put("step", step);
        ObjectNode layers = root.putObject("layers");
        for (String k : party.layerKeys()) {
            ArrayNode a = layers.putArray(k);
            for (double v : party.ownLayer(k).parameters()) a.add(v);
        }
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("party " + party.name() + " cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    void restore(LocalParty party, String runId, long step) {
        Path f = file(runId, step);
        if (!Files.isRegularFile(f)) throw PartyService.fail(Status.NOT_FOUND, "party " + party.name() + " has no saved layers for run " + runId + " step " + step + " (" + f + ")");
        JsonNode layers;
        try {
            layers = JSON.readTree(f.toFile()).get("layers");
        } catch (IOException e) {
            throw PartyService.fail(Status.FAILED_PRECONDITION, "party " + party.name() + " cannot read " + f + ": " + e.getMessage());
        }
        if (layers == null || !layers.isObject() || layers.size() != party.layerKeys().size()) {
            throw PartyService.fail(Status.FAILED_PRECONDITION, f + " does not hold exactly the layers " + party.layerKeys() + " of party " + party.name());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = layers.fields(); it.hasNext();) { // check all before changing any
            Map.Entry<String, JsonNode> e = it.next();
            if (!party.layerKeys().contains(e.getKey()) || party.ownLayer(e.getKey()).numParameters() != e.getValue().size()) {
                throw PartyService.fail(Status.FAILED_PRECONDITION, f + ": layer " + e.getKey() + " does not fit party " + party.name() + "'s layers");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = layers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Layer l = party.ownLayer(e.getKey());
            double[] theta = new double[e.getValue().size()];
            for (int j = 0; j < theta.length; j++) theta[j] = e.getValue().get(j).asDouble();
            l.setParameters(theta);
        }
    }
}
