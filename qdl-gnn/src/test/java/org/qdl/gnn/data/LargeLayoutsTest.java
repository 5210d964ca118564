package org.qdl.gnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.sim.InvalidInputException;

/** The OGB node-property and PyG Reddit layouts, on small files written here; bad files give one line naming file, line, value. */
class LargeLayoutsTest {
    /** 5 nodes, 3 features, 3 classes; directed edges 0→1, 1→2, 3→4, 4→3 (merged), official time split. */
    static Path ogb(Path root, boolean gz) throws IOException {
        Path d = root.resolve("ogbn-tiny");
        write(d.resolve("raw/node-feat.csv"), "0.5,0,-1.25\n1,2,3\n0,0,0\n-0.5,0.25,1e-3\n7,8,9\n", gz);
        write(d.resolve("raw/edge.csv"), "0,1\n1,2\n3,4\n4,3\n", gz);
        write(d.resolve("raw/node-label.csv"), "0\n2\n1\n1\n0\n", gz);
        write(d.resolve("raw/num-node-list.csv"), "5\n", gz);
        write(d.resolve("split/time/train.csv"), "0\n1\n", gz);
        write(d.resolve("split/time/valid.csv"), "2\n", gz);
        write(d.resolve("split/time/test.csv"), "3\n4\n", gz);
        return d;
    }

    static void write(Path f, String text, boolean gz) throws IOException {
        Files.createDirectories(f.getParent());
        if (!gz) {
            Files.writeString(f, text);
            return;
        }
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f.resolveSibling(f.getFileName() + ".gz")))) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void ogbLayoutLoadsWithItsOfficialSplit(@TempDir Path tmp) throws IOException {
        for (boolean gz : new boolean[] {true, false}) {
            Path root = tmp.resolve(gz ? "gz" : "plain");
            ogb(root, gz);
            NodeDataset ds = Datasets.loadNode(root, "ogbn-tiny", null, 0);
            assertEquals(5, ds.numNodes());
            assertEquals(3, ds.numFeatures());
            assertEquals(3, ds.numClasses());
            assertArrayEquals(new int[] {0, 2, 1, 1, 0}, ds.labels());
            assertArrayEquals(new double[] {0.5, 0, -1.25, 1, 2, 3, 0, 0, 0, -0.5, 0.25, 1e-3, 7, 8, 9}, ds.features().toDense().data, 0);
            assertEquals(2, ds.features().rowNonZeros(0)); // zeros are not stored
            assertArrayEquals(new int[] {0, 1}, ds.train());
            assertArrayEquals(new int[] {2}, ds.val());
            assertArrayEquals(new int[] {3, 4}, ds.test());
            // symmetrised: 0-1, 1-2, 3-4 (the two directions of 3-4 merged)
            assertEquals(1, ds.graph().degree(0));
            assertEquals(2, ds.graph().degree(1));
            assertEquals(1, ds.graph().degree(4));
            assertEquals(java.util.List.of("ogb"), Datasets.describe(root.resolve("ogbn-tiny")).formats());
        }
    }

    @Test
    void badOgbFilesNameFileLineAndValue(@TempDir Path tmp) throws IOException {
        Path d = ogb(tmp, false);
        Files.writeString(d.resolve("raw/node-feat.csv"), "1,2,3\n4,x5,6\n0,0,0\n1,1,1\n2,2,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "ogbn-tiny", null, 0));
        assertTrue(e.getMessage().matches(".*node-feat.csv:2: bad feature 2 'x5'.*"), e.getMessage());
        Files.writeString(d.resolve("raw/node-feat.csv"), "1,2,3\n4,5\n0,0,0\n1,1,1\n2,2,2\n");
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "ogbn-tiny", null, 0));
        assertTrue(e.getMessage().contains("node-feat.csv:2: expected 3 features (as on line 1), got 2"), e.getMessage());
        ogb(tmp, false);
        Files.writeString(d.resolve("raw/edge.csv"), "0,1\n1,9\n");
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "ogbn-tiny", null, 0));
        assertTrue(e.getMessage().contains("edge.csv:2: node id 9 outside 0..4"), e.getMessage());
        ogb(tmp, false);
        Files.writeString(d.resolve("raw/node-label.csv"), "0\n1\n");
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "ogbn-tiny", null, 0));
        assertTrue(e.getMessage().contains("node-label.csv:2: 2 labels for 5 feature rows"), e.getMessage());
        ogb(tmp, false);
        Files.writeString(d.resolve("split/time/test.csv"), "3\n-1\n");
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "ogbn-tiny", null, 0));
        assertTrue(e.getMessage().contains("test.csv:2: node id -1 outside 0..4"), e.getMessage());
        // a truncated .gz is named, not a stack trace
        Path g = ogb(tmp.resolve("gz"), true);
        byte[] b = Files.readAllBytes(g.resolve("raw/node-feat.csv.gz"));
        Files.write(g.resolve("raw/node-feat.csv.gz"), java.util.Arrays.copyOf(b, b.length - 12));
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp.resolve("gz"), "ogbn-tiny", null, 0));
        assertTrue(e.getMessage().contains("node-feat.csv.gz") && e.getMessage().contains("truncated"), e.getMessage());
    }

    /** A .npy (version 1) of little-endian values with the given dtype. */
    static byte[] npy(String descr, long[] shape, double[] values) {
        StringBuilder sh = new StringBuilder();
        for (long s : shape) {
            sh.append(s).append(", ");
        }
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + sh.toString().replaceAll(", $", shape.length == 1 ? "," : "") + "), }";
        while ((10 + header.length() + 1) % 64 != 0) {
            header += " ";
        }
        header += "\n";
        int width = Integer.parseInt(descr.substring(2));
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + (descr.charAt(1) == 'S' ? width : values.length * width)).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) {
            switch (descr) {
                case "<f4" -> buf.putFloat((float) v);
                case "<i8" -> buf.putLong((long) v);
                case "<i4" -> buf.putInt((int) v);
                default -> throw new IllegalArgumentException(descr);
            }
        }
        return buf.array();
    }

    static byte[] text(String s) {
        byte[] b = npy("|S" + s.length(), new long[0], new double[0]);
        System.arraycopy(s.getBytes(StandardCharsets.ISO_8859_1), 0, b, b.length - s.length(), s.length());
        return b;
    }

    static void npz(Path f, Object... nameAndBytes) throws IOException {
        Files.createDirectories(f.getParent());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            for (int i = 0; i < nameAndBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameAndBytes[i] + ".npy"));
                z.write((byte[]) nameAndBytes[i + 1]);
                z.closeEntry();
            }
        }
    }

    static Path reddit(Path root, boolean coo) throws IOException {
        Path d = root.resolve("reddit");
        npz(d.resolve("raw/reddit_data.npz"), "feature", npy("<f4", new long[] {4, 2}, new double[] {1, 0, 0.5, 2, 0, 0, -3, 1}),
                "label", npy("<i8", new long[] {4}, new double[] {1, 0, 1, 2}), "node_types", npy("<i4", new long[] {4}, new double[] {1, 1, 2, 3}));
        if (coo) {
            npz(d.resolve("raw/reddit_graph.npz"), "row", npy("<i4", new long[] {3}, new double[] {0, 1, 3}),
                    "col", npy("<i4", new long[] {3}, new double[] {1, 0, 2}), "data", npy("<f4", new long[] {3}, new double[] {1, 1, 1}),
                    "shape", npy("<i8", new long[] {2}, new double[] {4, 4}), "format", text("coo"));
        } else {
            npz(d.resolve("raw/reddit_graph.npz"), "indptr", npy("<i4", new long[] {5}, new double[] {0, 1, 2, 2, 3}),
                    "indices", npy("<i4", new long[] {3}, new double[] {1, 0, 2}), "data", npy("<f4", new long[] {3}, new double[] {1, 1, 1}),
                    "shape", npy("<i8", new long[] {2}, new double[] {4, 4}), "format", text("csr"));
        }
        return d;
    }

    @Test
    void redditNpzLoadsInBothSparseFormats(@TempDir Path tmp) throws IOException {
        for (boolean coo : new boolean[] {true, false}) {
            Path root = tmp.resolve(coo ? "coo" : "csr");
            reddit(root, coo);
            NodeDataset ds = Datasets.loadNode(root, "reddit", null, 0);
            assertEquals(4, ds.numNodes());
            assertEquals(3, ds.numClasses());
            assertArrayEquals(new double[] {1, 0, 0.5, 2, 0, 0, -3, 1}, ds.features().toDense().data, 0);
            assertArrayEquals(new int[] {1, 0, 1, 2}, ds.labels());
            assertArrayEquals(new int[] {0, 1}, ds.train());
            assertArrayEquals(new int[] {2}, ds.val());
            assertArrayEquals(new int[] {3}, ds.test());
            assertEquals(1, ds.graph().degree(0)); // 0-1 given in both directions: one edge
            assertEquals(1, ds.graph().degree(2));
            assertEquals(java.util.List.of("reddit_npz"), Datasets.describe(root.resolve("reddit")).formats());
        }
    }

    @Test
    void badRedditFilesAreOneLineErrors(@TempDir Path tmp) throws IOException {
        Path d = reddit(tmp, true);
        npz(d.resolve("raw/reddit_data.npz"), "feature", npy("<f4", new long[] {4, 2}, new double[8]),
                "label", npy("<i8", new long[] {4}, new double[] {1, 0, 1, 2}), "node_types", npy("<i4", new long[] {4}, new double[] {1, 4, 2, 3}));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "reddit", null, 0));
        assertTrue(e.getMessage().contains("reddit_data.npz: node_types[1] = 4.0 (expected 1, 2 or 3)"), e.getMessage());
        npz(d.resolve("raw/reddit_data.npz"), "feature", npy("<f4", new long[] {4, 2}, new double[8]));
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "reddit", null, 0));
        assertTrue(e.getMessage().contains("reddit_data.npz: no array 'label'"), e.getMessage());
        reddit(tmp, true);
        npz(d.resolve("raw/reddit_graph.npz"), "row", npy("<i4", new long[] {1}, new double[] {7}), "col", npy("<i4", new long[] {1}, new double[] {0}),
                "shape", npy("<i8", new long[] {2}, new double[] {4, 4}), "format", text("coo"));
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "reddit", null, 0));
        assertTrue(e.getMessage().contains("reddit_graph.npz: row[0] = 7.0 outside 0..3"), e.getMessage());
        Files.writeString(d.resolve("raw/reddit_graph.npz"), "not a zip");
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "reddit", null, 0));
        assertTrue(e.getMessage().contains("reddit_graph.npz: not a readable .npz"), e.getMessage());
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write(npy("<f4", new long[] {4, 2}, new double[8]), 0, 40);
        npz(d.resolve("raw/reddit_data.npz"), "feature", bad.toByteArray());
        e = assertThrows(InvalidInputException.class, () -> Datasets.loadNode(tmp, "reddit", null, 0));
        assertTrue(e.getMessage().contains("reddit_data.npz:feature.npy: truncated"), e.getMessage());
    }
}
