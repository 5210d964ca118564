package org.qdl.sim;

/** Heap accounting so that huge states fail with advice instead of an OutOfMemoryError trace. */
public final class Memory {
    private Memory() {}

    /** Bytes the JVM could still hand out: max heap minus what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Throws {@link InsufficientMemoryException} if {@code bytes} cannot be allocated now. */
    public static void require(String what, long bytes) {
        long free = available();
        if (bytes > free) {
            System.gc(); // dead states from earlier work may still be counted as used
            free = available();
        }
        if (bytes > free) {
            throw new InsufficientMemoryException(what, bytes, free);
        }
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) return String.format("%.1f GiB", bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return String.format("%.1f MiB", bytes / (double) (1L << 20));
        return bytes + " B";
    }

    /** A heap size with ~25% headroom over what one allocation needs, rounded up to whole GiB. */
    static String xmx(long bytes) {
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long gib = (long) Math.ceil((bytes * 1.25 + used) / (double) (1L << 30));
        return Math.max(1, gib) + "g";
    }
}
