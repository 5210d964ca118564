package org.qdl.protocol;

/** What other parties may know of a layer: its width and how many parameters it has. */
public record LayerShape(int numQubits, int numParameters) {}
