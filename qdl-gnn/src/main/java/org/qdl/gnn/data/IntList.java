package org.qdl.gnn.data;

import java.util.Arrays;

/** A growable int array (avoids boxing when reading millions of edges). */
public final class IntList {
    private int[] a = new int[16];
    private int size;

    public void add(int x) {
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[size++] = x;
    }

    public int get(int i) {
        return a[i];
    }

    public int size() {
        return size;
    }

    /** The backing array (length may exceed size). */
    public int[] array() {
        return a;
    }

    public int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
