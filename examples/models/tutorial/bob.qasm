OPENQASM 2.0;
include "qelib1.inc";
// bob's layer; q[i] is qubit i of the register (qubit 0 = least significant bit)
input float[64] t0;
input float[64] t1;
input float[64] t2;
qreg q[3];
cx q[1], q[2];
ry(t0) q[0];
ry(t1) q[1];
rz(t2) q[2];
