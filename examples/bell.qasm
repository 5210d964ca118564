// Bell pair: counts split between 00 and 11; try --expect "Z0 Z1" (= 1) and --expect "X0 X1" (= 1).
OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
creg c[2];
h q[0];
cx q[0], q[1];
measure q -> c;
