OPENQASM 2.0;
include "qelib1.inc";
// Bob's trainable layer on the two data qubits and the ancilla q[2].
input float[64] w0;
input float[64] w1;
input float[64] w2;
qreg q[3];
ry(w0) q[0];
ry(w1) q[1];
cx q[0], q[2];
rzz(w2) q[1], q[2];
