package org.qdl.protocol;

/** A directed link: messages from {@code from} to {@code to}. */
public record Link(String from, String to) {
    public Link reverse() {
        return new Link(to, from);
    }

    /** The undirected pair, ordered by name, used to count alternations of direction. */
    public Link undirected() {
        return from.compareTo(to) <= 0 ? this : reverse();
    }

    @Override
    public String toString() {
        return from + "→" + to;
    }
}
