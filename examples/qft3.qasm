// 3-qubit quantum Fourier transform of |5> = |101> (no measurement: counts are over full-register
// bitstrings, which come out uniform; the information is in the phases: --expect "X0" gives
// cos(2*pi*5/8) = -0.7071).
OPENQASM 2.0;
include "qelib1.inc";
gate qft3 a, b, c {
  h c; cp(pi/2) b, c; cp(pi/4) a, c;
  h b; cp(pi/2) a, b;
  h a;
  swap a, c;
}
qreg q[3];
x q[0];
x q[2];
qft3 q[0], q[1], q[2];
