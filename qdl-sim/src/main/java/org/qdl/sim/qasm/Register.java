package org.qdl.sim.qasm;

/** A declared qreg or creg: its bits are the global indices offset … offset+size−1, in declaration order. */
public record Register(String name, int offset, int size) {}
