package org.qdl.gnn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.qdl.gnn.data.IntList;

/**
 * Stratified k-fold test sets, as GIN's protocol (sklearn's StratifiedKFold with shuffling): the
 * members of each class are shuffled (seeded) and dealt to the folds in turn, continuing where the
 * previous class stopped, so every fold has the class proportions to within one graph and fold
 * sizes differ by at most one. (Same protocol, not sklearn's exact random stream.)
 */
public final class StratifiedKFold {
    private StratifiedKFold() {
    }

    public static List<int[]> testFolds(int[] labels, int k, long seed) {
        int classes = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        Random rnd = new Random(seed);
        List<IntList> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new IntList());
        }
        int next = 0;
        for (int c = 0; c < classes; c++) {
            IntList members = new IntList();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            int[] m = members.toArray();
            for (int i = m.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = m[i];
                m[i] = m[j];
                m[j] = t;
            }
            for (int x : m) {
                folds.get(next).add(x);
                next = (next + 1) % k;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (IntList f : folds) {
            int[] a = f.toArray();
            java.util.Arrays.sort(a);
            out.add(a);
        }
        return out;
    }

    /** The complement of a test fold. */
    public static int[] trainOf(int[] testFold, int n) {
        boolean[] in = new boolean[n];
        for (int i : testFold) {
            in[i] = true;
        }
        IntList t = new IntList();
        for (int i = 0; i < n; i++) {
            if (!in[i]) {
                t.add(i);
            }
        }
        return t.toArray();
    }
}
