package org.qdl.gnn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdl.gnn.features.Diffusion;
import org.qdl.sim.InvalidInputException;

/**
 * Graph-classification hyperparameters. {@link #authors(String)} returns the per-data-set values of
 * the authors' README (hidden, norm, hops raw/rw/gcn/ppr, dropout, batch, lr, weight decay, degree
 * tags); all use 350 epochs, Adam and a step schedule (×0.5 every 50 epochs).
 */
public record GraphConfig(int hidden, String norm, int rawHops, int rwHops, int gcnHops, int pprHops,
                          double dropout, double inputDropout, int batch, double lr, double weightDecay,
                          boolean degreeAsTag, int epochs, int stepSize, double gamma, String activation) {

    public static final List<String> KEYS = List.of("hidden", "norm", "raw", "rw", "gcn", "ppr", "dropout",
            "input-dropout", "batch", "lr", "weight-decay", "degree-as-tag", "epochs", "step-size", "gamma", "activation");

    public static GraphConfig authors(String dataset) {
        String d = dataset.toUpperCase(Locale.ROOT).replace("-", "");
        return switch (d) {
            case "MUTAG" -> new GraphConfig(64, "batch", 1, 8, 6, 5, 0, 0, 128, 0.005, 0, false, 350, 50, 0.5, "poly");
            case "PROTEINS" -> new GraphConfig(128, "batch", 0, 6, 9, 8, 0.1, 0, 32, 0.001, 1e-4, false, 350, 50, 0.5, "poly");
            case "COLLAB" -> new GraphConfig(148, "batch", 0, 4, 8, 1, 0.1, 0, 512, 0.05, 1e-8, true, 350, 50, 0.5, "poly");
            case "IMDBBINARY" -> new GraphConfig(12, "layer", 1, 7, 7, 10, 0.3, 0, 32, 0.01, 1e-4, true, 350, 50, 0.5, "poly");
            case "IMDBMULTI" -> new GraphConfig(8, "batch", 2, 8, 9, 7, 0.3, 0, 32, 0.003, 1e-7, true, 350, 50, 0.5, "poly");
            // the authors' script defaults for anything else (e.g. the synthetic set)
            default -> new GraphConfig(16, "none", 0, 0, 3, 0, 0.5, 0, 128, 0.01, 0, false, 350, 50, 0.5, "poly");
        };
    }

    /** Operator → hops in DGL's order (raw, rw, gcn, ppr). */
    public Map<Diffusion, Integer> hops() {
        Map<Diffusion, Integer> m = new LinkedHashMap<>();
        m.put(Diffusion.RAW, rawHops);
        m.put(Diffusion.RW, rwHops);
        m.put(Diffusion.GCN, gcnHops);
        m.put(Diffusion.PPR, pprHops);
        return m;
    }

    public int blocks() {
        return 1 + rawHops + rwHops + gcnHops + pprHops;
    }

    /** Returns a copy with one key set from text (keys as in {@link #KEYS}). */
    public GraphConfig with(String key, String value) {
        try {
            return switch (key) {
                case "hidden" -> new GraphConfig(Integer.parseInt(value), norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "norm" -> new GraphConfig(hidden, value, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "raw" -> new GraphConfig(hidden, norm, Integer.parseInt(value), rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "rw" -> new GraphConfig(hidden, norm, rawHops, Integer.parseInt(value), gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "gcn" -> new GraphConfig(hidden, norm, rawHops, rwHops, Integer.parseInt(value), pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "ppr" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, Integer.parseInt(value), dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "dropout" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, Double.parseDouble(value), inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "input-dropout" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, Double.parseDouble(value), batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "batch" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, Integer.parseInt(value), lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "lr" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, Double.parseDouble(value), weightDecay, degreeAsTag, epochs, stepSize, gamma, activation);
                case "weight-decay" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, Double.parseDouble(value), degreeAsTag, epochs, stepSize, gamma, activation);
                case "degree-as-tag" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, Boolean.parseBoolean(value), epochs, stepSize, gamma, activation);
                case "epochs" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, Integer.parseInt(value), stepSize, gamma, activation);
                case "step-size" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, Integer.parseInt(value), gamma, activation);
                case "gamma" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, Double.parseDouble(value), activation);
                case "activation" -> new GraphConfig(hidden, norm, rawHops, rwHops, gcnHops, pprHops, dropout, inputDropout, batch, lr, weightDecay, degreeAsTag, epochs, stepSize, gamma, value);
                default -> throw new InvalidInputException("unknown hyperparameter '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            };
        } catch (NumberFormatException e) {
            throw new InvalidInputException("bad value '" + value + "' for hyperparameter " + key);
        }
    }

    /** Applies a file of "key = value" lines ('#' comments); errors name file and line. */
    public GraphConfig withFile(Path file) {
        GraphConfig c = this;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("missing hyperparameter file " + file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(file + " is not UTF-8 text ('key = value' lines)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new InvalidInputException(file + ":" + (i + 1) + ": expected 'key = value'");
            }
            try {
                c = c.with(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return c;
    }

    public void validate() {
        if (hidden < 1 || batch < 1 || epochs < 1 || stepSize < 1 || rawHops < 0 || rwHops < 0 || gcnHops < 0 || pprHops < 0
                || lr <= 0 || weightDecay < 0 || gamma <= 0) {
            throw new InvalidInputException("graph hyperparameters out of range: " + this);
        }
    }
}
