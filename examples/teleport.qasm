// Teleports ry(theta)|0> from q[0] to q[2] with mid-circuit measurement and classically
// conditioned corrections. P(m=1) = sin^2(theta/2) = 0.25 for theta = pi/3, whatever the
// teleportation outcomes in c0 and c1.
OPENQASM 2.0;
include "qelib1.inc";
gate bell a, b { h a; cx a, b; }
qreg q[3];
creg c0[1];
creg c1[1];
creg m[1];
ry(pi/3) q[0];
bell q[1], q[2];
cx q[0], q[1];
h q[0];
measure q[0] -> c0[0];
measure q[1] -> c1[0];
if (c1 == 1) x q[2];
if (c0 == 1) z q[2];
measure q[2] -> m[0];
