package org.qdl.gnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DecisionProblemTest {
    @Test
    void truthComparesClassCountsWithTiesAsNo() {
        // counts: class0 2, class1 2, class2 3, class3 1 → pairs (0,1) (0,2) (0,3) (1,2) (1,3) (2,3)
        int[] labels = {0, 0, 1, 1, 2, 2, 2, 3};
        assertArrayEquals(new boolean[] {false, false, true, false, true, true}, DecisionProblem.truth(labels, 4));
    }

    @Test
    void decisionFromAveragedLogitDifferences() {
        // 3 nodes, 3 classes; mean logits = (1, 2, 0) → differences (0,1)=-1, (0,2)=+1, (1,2)=+2
        DMatrixRMaj logits = new DMatrixRMaj(3, 3, true, 3, 0, 0, 0, 3, 0, 0, 3, 0);
        assertArrayEquals(new double[] {-1, 1, 2}, DecisionProblem.averagedDifferences(logits), 1e-15);
        // true counts: class1 2, class0 1, class2 0 → answers (0,1) no, (0,2) yes, (1,2) yes: all three right
        assertEquals(1.0, DecisionProblem.accuracy(logits, new int[] {0, 1, 1}), 0);
        // counts class0 2, class1 1 → (0,1) yes, model says no: 2 of 3 right
        assertEquals(2.0 / 3, DecisionProblem.accuracy(logits, new int[] {0, 0, 1}), 1e-15);
    }

    @Test
    void stratifiedFoldsPartitionAndKeepProportions() {
        int[] labels = new int[103];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 70 ? 0 : (i < 95 ? 1 : 2);
        }
        var folds = StratifiedKFold.testFolds(labels, 10, 42);
        boolean[] seen = new boolean[labels.length];
        for (int[] f : folds) {
            org.junit.jupiter.api.Assertions.assertTrue(f.length == 10 || f.length == 11, "fold size " + f.length);
            int c0 = 0;
            for (int i : f) {
                org.junit.jupiter.api.Assertions.assertFalse(seen[i]);
                seen[i] = true;
                c0 += labels[i] == 0 ? 1 : 0;
            }
            org.junit.jupiter.api.Assertions.assertTrue(c0 == 7, "class-0 count per fold " + c0);
        }
        for (boolean s : seen) {
            org.junit.jupiter.api.Assertions.assertTrue(s);
        }
    }
}
