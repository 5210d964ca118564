package org.qdl.gnn.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.qdl.gnn.model.TrainingState;
import org.qdl.sim.InvalidInputException;

/**
 * One fold's training after {@code epochsDone} epochs: what it was trained with (the config text,
 * seed, fold and a hash of its test indices, so that a checkpoint is never resumed under other
 * settings), the held-out accuracy and mean loss of every epoch so far, the shuffled order of the
 * training graphs, and the model + optimiser state (null once the fold is finished: the curve is
 * all that is kept then). Binary (big-endian doubles, exact): COLLAB's model and moments are
 * ~250 MB, several times that as text. Written to a temporary file and renamed.
 */
public record FoldCheckpoint(String config, long seed, int fold, int testHash, int epochsDone, double[] curve, double[] losses,
                             int[] order, TrainingState state) {
    private static final int MAGIC = 0x51444c46; // "QDLF"
    private static final int VERSION = 1;

    public boolean finished() {
        return state == null;
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                o.writeInt(MAGIC);
                o.writeInt(VERSION);
                o.writeUTF(config);
                o.writeLong(seed);
                o.writeInt(fold);
                o.writeInt(testHash);
                o.writeInt(epochsDone);
                doubles(o, curve);
                doubles(o, losses);
                o.writeInt(order.length);
                for (int x : order) {
                    o.writeInt(x);
                }
                o.writeBoolean(state != null);
                if (state != null) {
                    o.writeInt(state.adamSteps());
                    matrix(o, state.values());
                    matrix(o, state.m());
                    matrix(o, state.v());
                    matrix(o, state.buffers());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /** Reads a checkpoint; a truncated or foreign file is a one-line input error naming it. */
    public static FoldCheckpoint read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new InvalidInputException("checkpoint " + file + " is not a qdl fold checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new InvalidInputException("checkpoint " + file + " has version " + version + "; this qdl reads version " + VERSION);
            }
            String config = in.readUTF();
            long seed = in.readLong();
            int fold = in.readInt();
            int testHash = in.readInt();
            int done = in.readInt();
            double[] curve = doubles(in);
            double[] losses = doubles(in);
            int[] order = new int[length(in)];
            for (int i = 0; i < order.length; i++) {
                order[i] = in.readInt();
            }
            TrainingState state = null;
            if (in.readBoolean()) {
                int steps = in.readInt();
                state = new TrainingState(matrix(in), matrix(in), matrix(in), matrix(in), steps);
            }
            if (curve.length != done || losses.length != done) {
                throw new InvalidInputException("checkpoint " + file + " is inconsistent: " + done + " epochs but " + curve.length + " accuracies");
            }
            return new FoldCheckpoint(config, seed, fold, testHash, done, curve, losses, order, state);
        } catch (EOFException e) {
            throw new InvalidInputException("checkpoint " + file + " is truncated or corrupt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
    }

    private static void doubles(DataOutputStream o, double[] a) throws IOException {
        o.writeInt(a.length);
        for (double x : a) {
            o.writeDouble(x);
        }
    }

    private static double[] doubles(DataInputStream in) throws IOException {
        double[] a = new double[length(in)];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static void matrix(DataOutputStream o, double[][] a) throws IOException {
        o.writeInt(a.length);
        for (double[] r : a) {
            doubles(o, r);
        }
    }

    private static double[][] matrix(DataInputStream in) throws IOException {
        double[][] a = new double[length(in)][];
        for (int i = 0; i < a.length; i++) {
            a[i] = doubles(in);
        }
        return a;
    }

    private static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new EOFException("bad length " + n);
        }
        return n;
    }
}
