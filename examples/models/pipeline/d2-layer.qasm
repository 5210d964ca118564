OPENQASM 2.0;
include "qelib1.inc";
// d2's layer. q[i] is qubit i of the register (qubit 0 = least significant bit of a basis index).
input float[64] t0;
input float[64] t1;
input float[64] t2;
gate entangle(a) x, y { cx x, y; rz(a) y; cx x, y; }
qreg q[4];
ry(t0) q[0];
entangle(t1) q[0], q[1];
entangle(t1) q[2], q[3];
rx(t2) q[3];
cz q[1], q[2];
