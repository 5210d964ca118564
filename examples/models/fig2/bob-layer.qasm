OPENQASM 2.0;
include "qelib1.inc";
// Bob's layer: trainable angles declared OpenQASM-3 style; q[i] is qubit i (qubit 0 = least significant bit).
input float[64] a0;
input float[64] a1;
input float[64] a2;
input float[64] b0;
input float[64] zz;
qreg q[6];
h q[5];
ry(a0) q[0];
ry(a1) q[1];
rx(a2) q[2];
cx q[0], q[1];
cx q[1], q[2];
rzz(zz) q[2], q[3];
rz(b0) q[4];
cz q[4], q[5];
