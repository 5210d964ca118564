package org.qdl.learning.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qdl.protocol.LocalParty;
import org.qdl.sim.InvalidInputException;

/**
 * A labelled data set read from a file: text (CSV or whitespace; # starts a comment line) with one
 * example per line, N numbers and then its label +1 or −1; or a 2-D NumPy {@code .npy} array of the
 * examples (rows × N) with the labels in a second file (.npy vector or text). Without a separate test file, every
 * fourth example (the 4th, 8th, … line of data) is held out for testing, so the coordinator and a
 * data party serving the same file agree on the split without exchanging anything.
 */
public record LabelledData(double[][] trainX, double[] trainY, double[][] testX, double[] testY) {
    /** Reads {@code data} (and {@code test}, when not null, as the whole test set), each a text file of rows with their labels. */
    public static LabelledData read(Path data, Path test) throws IOException {
        return read(data, null, test, null);
    }

    /**
     * As {@link #read(Path, Path)}; a file with a label file beside it ({@code labels}, {@code testLabels}
     * not null) holds only the examples: a 2-D .npy array, or text rows of N numbers.
     */
    public static LabelledData read(Path data, Path labels, Path test, Path testLabels) throws IOException {
        if (test == null && testLabels != null) throw new InvalidInputException("test labels " + testLabels + " given without a test set");
        Rows all = rows(data, labels);
        if (test != null) {
            Rows t = rows(test, testLabels);
            if (t.x()[0].length != all.x()[0].length) {
                throw new InvalidInputException(test + ": rows have " + t.x()[0].length + " numbers before the label; " + data + " has " + all.x()[0].length);
            }
            return new LabelledData(all.x(), all.y(), t.x(), t.y());
        }
        List<double[]> trx = new ArrayList<>(), tex = new ArrayList<>();
        List<Double> tr = new ArrayList<>(), te = new ArrayList<>();
        for (int e = 0; e < all.y().length; e++) {
            boolean held = e % 4 == 3;
            (held ? tex : trx).add(all.x()[e]);
            (held ? te : tr).add(all.y()[e]);
        }
        if (trx.isEmpty()) throw new InvalidInputException(data + ": no training examples");
        return new LabelledData(trx.toArray(double[][]::new), unbox(tr), tex.toArray(double[][]::new), unbox(te));
    }

    record Rows(double[][] x, double[] y) {}

    /** Examples of {@code f}, labelled by their last column or, when {@code labels} is not null, by that file. */
    static Rows rows(Path f, Path labels) throws IOException {
        if (labels == null) {
            if (NpyRows.isNpy(f)) throw new InvalidInputException(f + ": a .npy file holds the examples only: give their labels in a second file (--labels)");
            return rows(f);
        }
        double[][] x;
        if (NpyRows.isNpy(f)) x = NpyRows.read(f);
        else {
            Rows r = rows(f, true);
            x = r.x();
        }
        double[] y = org.qdl.protocol.model.file.NumberFiles.read(labels);
        if (y.length != x.length) throw new InvalidInputException(labels + ": " + y.length + " labels for the " + x.length + " examples of " + f);
        for (int e = 0; e < y.length; e++) {
            if (y[e] != 1 && y[e] != -1) throw new InvalidInputException(labels + ": label " + e + " is " + y[e] + "; labels must be 1 or -1");
        }
        for (double[] row : x) if (row.length != x[0].length) throw new InvalidInputException(f + ": rows of unequal length");
        return new Rows(x, y);
    }

    static Rows rows(Path f) throws IOException {
        return rows(f, false);
    }

    /** Text rows; with {@code unlabelled} every number of a row is a feature (the labels are elsewhere). */
    static Rows rows(Path f, boolean unlabelled) throws IOException {
        if (Files.isDirectory(f)) throw new InvalidInputException(f + ": is a directory, not a data set file");
        if (!Files.exists(f)) throw new NoSuchFileException(f.toString());
        byte[] bytes = Files.readAllBytes(f);
        for (byte b : bytes) if (b == 0) throw new InvalidInputException(f + ": a binary file, not rows of numbers as text");
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] tok = line.split("[\\s,;]+");
            double[] v = new double[tok.length];
            for (int i = 0; i < tok.length; i++) {
                try {
                    v[i] = Double.parseDouble(tok[i]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(f + ":" + (l + 1) + ": '" + tok[i] + "' is not a number");
                }
                if (!Double.isFinite(v[i])) throw new InvalidInputException(f + ":" + (l + 1) + ": value '" + tok[i] + "' is not finite");
            }
            if (unlabelled) {
                if (!x.isEmpty() && v.length != x.get(0).length) throw new InvalidInputException(f + ":" + (l + 1) + ": " + v.length + " numbers; the first row has " + x.get(0).length);
                x.add(v);
                continue;
            }
            if (v.length < 2) throw new InvalidInputException(f + ":" + (l + 1) + ": a row needs N numbers and a label, got " + v.length + " number");
            if (!x.isEmpty() && v.length - 1 != x.get(0).length) {
                throw new InvalidInputException(f + ":" + (l + 1) + ": " + (v.length - 1) + " numbers before the label; the first row has " + x.get(0).length);
            }
            double label = v[v.length - 1];
            if (label != 1 && label != -1) throw new InvalidInputException(f + ":" + (l + 1) + ": label " + tok[tok.length - 1] + " must be 1 or -1");
            x.add(java.util.Arrays.copyOf(v, v.length - 1));
            y.add(label);
        }
        if (x.isEmpty()) throw new InvalidInputException(f + ": holds no rows");
        return new Rows(x.toArray(double[][]::new), unlabelled ? null : unbox(y));
    }

    private static double[] unbox(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        return a;
    }

    /** Vector length N of every example. */
    public int dimension() {
        return trainX[0].length;
    }

    /**
     * Gives the data party its vectors under {@link TrainingTask#trainKey}/{@link TrainingTask#testKey},
     * zero-padded to {@code length} (the register's dimension when the model has ancillas).
     */
    public void holdBy(LocalParty party, int dataLength, int length, String source) {
        if (dimension() != dataLength) {
            throw new InvalidInputException(source + ": rows have " + dimension() + " numbers before the label; the model's input needs N = " + dataLength);
        }
        for (int e = 0; e < trainX.length; e++) party.holdData(TrainingTask.trainKey(e), java.util.Arrays.copyOf(trainX[e], length));
        for (int e = 0; e < testX.length; e++) party.holdData(TrainingTask.testKey(e), java.util.Arrays.copyOf(testX[e], length));
    }
}
