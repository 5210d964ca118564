package org.qdl.sim.qasm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdl.sim.gate.Gate;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.gate.StandardGates;
import org.qdl.sim.state.StateVector;

/**
 * Checks a parsed program (names, sizes, counts) and lowers it to {@link Op}s on global indices:
 * registers are laid out in declaration order, user gates are expanded into native gates, and
 * register arguments are broadcast.
 */
final class Compiler {
    private final String file;
    private final Map<String, Register> qregs = new LinkedHashMap<>();
    private final Map<String, Register> cregs = new LinkedHashMap<>();
    private final Map<String, Statement.GateDecl> gates = new HashMap<>();
    private boolean qelib1;
    private int numQubits;
    private int numClbits;
    private final java.util.Set<String> free; // layer-template mode: names of the free (trainable) angles

    private Compiler(String file) {
        this(file, java.util.Set.of());
    }

    private Compiler(String file, java.util.Set<String> free) {
        this.file = file;
        this.free = free;
    }

    /**
     * Compiles a unitary layer template: top-level gate calls may use the names in {@code free} as
     * whole angles of rx, ry, rz, p/u1, rxx, rzz (also through user gates), giving {@link Op.Rotation}s;
     * measure, reset and if are errors.
     */
    static QasmProgram compileTemplate(List<Statement> program, String file, java.util.Set<String> free) {
        Compiler c = new Compiler(file, free);
        List<Op> ops = new ArrayList<>();
        for (Statement s : program) {
            if (s instanceof Statement.Measure || s instanceof Statement.Reset || s instanceof Statement.If) {
                String what = s instanceof Statement.Measure ? "measure" : s instanceof Statement.Reset ? "reset" : "if";
                throw c.error(s.line(), s.column(), "'" + what + "' is not allowed in a layer: a layer must be a unitary");
            }
            c.statement(s, ops);
        }
        return new QasmProgram(file, c.numQubits, c.numClbits, List.copyOf(c.qregs.values()), List.copyOf(c.cregs.values()), ops);
    }

    static QasmProgram compile(List<Statement> program, String file) {
        Compiler c = new Compiler(file);
        List<Op> ops = new ArrayList<>();
        for (Statement s : program) c.statement(s, ops);
        return new QasmProgram(file, c.numQubits, c.numClbits, List.copyOf(c.qregs.values()), List.copyOf(c.cregs.values()), ops);
    }

    private QasmException error(int line, int column, String message) {
        return new QasmException(file, line, column, message);
    }

    private void declareName(String name, int line, int column) {
        if (qregs.containsKey(name) || cregs.containsKey(name) || gates.containsKey(name)) {
            throw error(line, column, "'" + name + "' is already declared");
        }
        if (StandardGates.isBuiltIn(name) || (qelib1 && StandardGates.exists(name))) {
            throw error(line, column, "'" + name + "' is already defined" + (StandardGates.isBuiltIn(name) ? " (a built-in gate)" : " in qelib1.inc"));
        }
    }

    private void statement(Statement s, List<Op> ops) {
        if (s instanceof Statement.Include inc) {
            if (!inc.path().equals("qelib1.inc")) {
                throw error(inc.line(), inc.column(), "include \"" + inc.path() + "\" is not supported: only \"qelib1.inc\" is built in");
            }
            for (String g : StandardGates.qelib1Names()) {
                if (gates.containsKey(g)) throw error(inc.line(), inc.column(), "qelib1.inc defines '" + g + "', which this program already declared");
            }
            qelib1 = true;
        } else if (s instanceof Statement.QReg r) {
            declareName(r.name(), r.line(), r.column());
            if ((long) numQubits + r.size() > StateVector.MAX_QUBITS) {
                throw error(r.line(), r.column(), "qreg " + r.name() + "[" + r.size() + "] brings the program to " + ((long) numQubits + r.size())
                        + " qubits; the simulator holds at most " + StateVector.MAX_QUBITS);
            }
            qregs.put(r.name(), new Register(r.name(), numQubits, r.size()));
            numQubits += r.size();
        } else if (s instanceof Statement.CReg r) {
            declareName(r.name(), r.line(), r.column());
            if ((long) numClbits + r.size() > 62) throw error(r.line(), r.column(), "at most 62 classical bits in all are supported");
            cregs.put(r.name(), new Register(r.name(), numClbits, r.size()));
            numClbits += r.size();
        } else if (s instanceof Statement.GateDecl g) {
            declareName(g.name(), g.line(), g.column());
            checkGateDecl(g);
            gates.put(g.name(), g);
        } else if (s instanceof Statement.GateCall call) {
            gateCall(call, ops);
        } else if (s instanceof Statement.Measure m) {
            measure(m, ops);
        } else if (s instanceof Statement.Reset r) {
            for (int q : qubits(r.qubit())) ops.add(new Op.Reset(q));
        } else if (s instanceof Statement.Barrier b) {
            for (Statement.Arg a : b.args()) qubits(a); // checked, then ignored: a simulator has nothing to reorder
        } else if (s instanceof Statement.If f) {
            Register c = cregs.get(f.creg());
            if (c == null) throw error(f.line(), f.column(), "unknown classical register '" + f.creg() + "' in if"
                    + (qregs.containsKey(f.creg()) ? " (it is a quantum register)" : ""));
            if (c.size() < 63 && f.value() >= 1L << c.size()) {
                throw error(f.line(), f.column(), "value " + f.value() + " cannot be held by the " + c.size() + "-bit register " + c.name());
            }
            List<Op> body = new ArrayList<>();
            statement(f.body(), body);
            ops.add(new Op.Conditional(c.name(), c.offset(), c.size(), f.value(), body));
        } else {
            throw new IllegalStateException("statement " + s);
        }
    }

    /** Global qubit indices of an argument (a whole register gives all of it). */
    private int[] qubits(Statement.Arg a) {
        return bits(a, qregs, "quantum", cregs);
    }

    private int[] clbits(Statement.Arg a) {
        return bits(a, cregs, "classical", qregs);
    }

    private int[] bits(Statement.Arg a, Map<String, Register> regs, String kind, Map<String, Register> other) {
        Register r = regs.get(a.name());
        if (r == null) {
            String hint = other.containsKey(a.name()) ? " ('" + a.name() + "' is a " + (kind.equals("quantum") ? "classical" : "quantum") + " register)" : "";
            throw error(a.line(), a.column(), "unknown " + kind + " register '" + a.name() + "'" + hint);
        }
        if (a.whole()) {
            int[] q = new int[r.size()];
            for (int i = 0; i < q.length; i++) q[i] = r.offset() + i;
            return q;
        }
        if (a.index() >= r.size()) {
            throw error(a.line(), a.column(), "index " + a.index() + " is out of range for " + r.name() + "[" + r.size() + "] (valid 0.." + (r.size() - 1) + ")");
        }
        return new int[] {r.offset() + a.index()};
    }

    private void measure(Statement.Measure m, List<Op> ops) {
        int[] q = qubits(m.qubit()), c = clbits(m.bit());
        if (m.qubit().whole() != m.bit().whole() || q.length != c.length) {
            throw error(m.line(), m.column(), "measure " + m.qubit() + " -> " + m.bit() + " pairs " + q.length + " qubit(s) with "
                    + c.length + " classical bit(s); both sides must be single bits or registers of equal size");
        }
        for (int i = 0; i < q.length; i++) ops.add(new Op.Measure(q[i], c[i]));
    }

    private int paramCount(String name) {
        Statement.GateDecl g = gates.get(name);
        return g != null ? g.params().size() : StandardGates.signature(name).params();
    }

    private int qubitCount(String name) {
        Statement.GateDecl g = gates.get(name);
        return g != null ? g.args().size() : StandardGates.signature(name).qubits();
    }

    /** Throws unless {@code name} can be called here. */
    private void requireGate(String name, int line, int column) {
        if (gates.containsKey(name) || StandardGates.isBuiltIn(name) || (qelib1 && StandardGates.exists(name))) return;
        if (StandardGates.exists(name)) {
            throw error(line, column, "gate '" + name + "' is defined in qelib1.inc; add 'include \"qelib1.inc\";' after the header");
        }
        if (Parser.QASM3_WORDS.contains(name)) {
            throw error(line, column, "'" + name + "' is OpenQASM 3 syntax, which is not supported; only OpenQASM 2.0 is");
        }
        throw error(line, column, "unknown gate '" + name + "'");
    }

    private void checkCall(Statement.GateCall call) {
        requireGate(call.name(), call.line(), call.column());
        if (call.params().size() != paramCount(call.name())) {
            throw error(call.line(), call.column(), "gate " + call.name() + " takes " + paramCount(call.name()) + " parameter(s), got " + call.params().size());
        }
        if (call.args().size() != qubitCount(call.name())) {
            throw error(call.line(), call.column(), "gate " + call.name() + " acts on " + qubitCount(call.name()) + " qubit(s), got " + call.args().size());
        }
    }

    private void checkGateDecl(Statement.GateDecl g) {
        for (int i = 0; i < g.args().size(); i++) {
            if (g.args().indexOf(g.args().get(i)) != i) throw error(g.line(), g.column(), "gate " + g.name() + " names argument '" + g.args().get(i) + "' twice");
        }
        for (Statement.GateCall call : g.body()) {
            for (Statement.Arg a : call.args()) {
                if (!g.args().contains(a.name())) {
                    throw error(a.line(), a.column(), "'" + a.name() + "' is not an argument of gate " + g.name() + " (arguments: " + String.join(", ", g.args()) + ")");
                }
            }
            for (Expr e : call.params()) checkParams(e, g);
            if (call.name().equals("barrier")) continue;
            checkCall(call);
            for (int i = 0; i < call.args().size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (call.args().get(i).name().equals(call.args().get(j).name())) {
                        throw error(call.line(), call.column(), "gate " + call.name() + " is given argument '" + call.args().get(i).name() + "' twice");
                    }
                }
            }
        }
    }

    private void checkParams(Expr e, Statement.GateDecl g) {
        if (e instanceof Expr.Param p) {
            if (!g.params().contains(p.name())) {
                throw error(p.line(), p.column(), "unknown parameter '" + p.name() + "' in gate " + g.name()
                        + (g.params().isEmpty() ? " (it has no parameters)" : " (parameters: " + String.join(", ", g.params()) + ")"));
            }
        } else if (e instanceof Expr.Neg n) {
            checkParams(n.operand(), g);
        } else if (e instanceof Expr.Binary b) {
            checkParams(b.left(), g);
            checkParams(b.right(), g);
        } else if (e instanceof Expr.Call c) {
            checkParams(c.argument(), g);
        }
    }

    private static Expr.Param firstParam(Expr e) {
        if (e instanceof Expr.Param p) return p;
        if (e instanceof Expr.Neg n) return firstParam(n.operand());
        if (e instanceof Expr.Call c) return firstParam(c.argument());
        if (e instanceof Expr.Binary b) {
            Expr.Param l = firstParam(b.left());
            return l != null ? l : firstParam(b.right());
        }
        return null;
    }

    private void gateCall(Statement.GateCall call, List<Op> ops) {
        checkCall(call);
        double[] params = new double[call.params().size()];
        String[] symbols = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            Expr e = call.params().get(i);
            symbols[i] = symbol(e, free, call);
            if (symbols[i] != null) continue;
            Expr.Param p = firstParam(e);
            if (p != null) {
                throw error(p.line(), p.column(), "unknown identifier '" + p.name() + "' (outside a gate definition only numbers, pi and functions may appear)");
            }
            params[i] = e.eval(Map.of());
            if (!Double.isFinite(params[i])) throw error(call.line(), call.column(), "parameter " + (i + 1) + " of " + call.name() + " evaluates to " + params[i]);
        }
        // broadcasting: single qubits repeat, whole registers (all of one size) advance together
        List<int[]> args = new ArrayList<>();
        int width = 1;
        Statement.Arg widthFrom = null;
        for (Statement.Arg a : call.args()) {
            int[] q = qubits(a);
            if (a.whole()) {
                if (widthFrom != null && q.length != width) {
                    throw error(a.line(), a.column(), "register " + a.name() + " has " + q.length + " qubits but " + widthFrom.name()
                            + " has " + width + "; registers broadcast together must be of equal size");
                }
                width = q.length;
                widthFrom = a;
            }
            args.add(q);
        }
        for (int k = 0; k < width; k++) {
            int[] qs = new int[args.size()];
            for (int i = 0; i < qs.length; i++) qs[i] = args.get(i).length == 1 ? args.get(i)[0] : args.get(i)[k];
            for (int i = 0; i < qs.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (qs[i] == qs[j]) throw error(call.line(), call.column(), "gate " + call.name() + " is given qubit " + call.args().get(i) + (width > 1 ? " (element " + k + ")" : "") + " twice");
                }
            }
            expand(call.name(), params, symbols, qs, ops, call);
        }
    }

    /**
     * The free parameter an angle expression is, or null if it uses none; an expression that uses
     * one but is not exactly it (2*theta, theta+1, -theta) is an error: the layer could not carry it
     * as a rotation by that parameter.
     */
    private String symbol(Expr e, java.util.Set<String> names, Statement.GateCall site) {
        if (e instanceof Expr.Param p && names.contains(p.name())) return p.name();
        Expr.Param p = findParam(e, names);
        if (p != null) {
            throw error(p.line(), p.column(), "the angle of " + site.name() + " uses parameter '" + p.name()
                    + "' inside an expression; a layer parameter must be a gate's whole angle, e.g. " + site.name() + "(" + p.name() + ")");
        }
        return null;
    }

    private static Expr.Param findParam(Expr e, java.util.Set<String> names) {
        if (e instanceof Expr.Param p) return names.contains(p.name()) ? p : null;
        if (e instanceof Expr.Neg n) return findParam(n.operand(), names);
        if (e instanceof Expr.Call c) return findParam(c.argument(), names);
        if (e instanceof Expr.Binary b) {
            Expr.Param l = findParam(b.left(), names);
            return l != null ? l : findParam(b.right(), names);
        }
        return null;
    }

    /** The Pauli generator G with gate(θ) = e^{iφ(θ)} exp(−iθG/2), for the gates a free parameter may drive. */
    private org.qdl.sim.observable.PauliString generator(String name, int[] q, Statement.GateCall site, String parameter) {
        return switch (name) {
            case "rx" -> org.qdl.sim.observable.PauliString.single('X', q[0]);
            case "ry" -> org.qdl.sim.observable.PauliString.single('Y', q[0]);
            case "rz", "p", "u1" -> org.qdl.sim.observable.PauliString.single('Z', q[0]);
            case "rxx" -> org.qdl.sim.observable.PauliString.parse("X" + q[0] + " X" + q[1]);
            case "rzz" -> org.qdl.sim.observable.PauliString.parse("Z" + q[0] + " Z" + q[1]);
            default -> throw error(site.line(), site.column(), "gate " + name + " driven by parameter '" + parameter
                    + "' is not a Pauli rotation exp(-i theta G/2); a parameter may drive rx, ry, rz, p, u1, rxx or rzz");
        };
    }

    /** Appends the native gates of {@code name(params) qubits}, expanding user definitions. */
    private void expand(String name, double[] params, String[] symbols, int[] qubits, List<Op> ops, Statement.GateCall site) {
        Statement.GateDecl g = gates.get(name);
        String symbol = null;
        for (String y : symbols) if (y != null) symbol = y;
        if (g == null && symbol != null) {
            if (params.length != 1) {
                throw error(site.line(), site.column(), "gate " + name + " driven by parameter '" + symbol
                        + "' is not a Pauli rotation exp(-i theta G/2); a parameter may drive rx, ry, rz, p, u1, rxx or rzz");
            }
            ops.add(new Op.Rotation(generator(name, qubits, site, symbol), symbol, site.line()));
            return;
        }
        if (g == null) {
            Gate gate;
            try {
                gate = StandardGates.of(name, params, qubits);
            } catch (InvalidInputException e) {
                throw error(site.line(), site.column(), e.getMessage());
            }
            ops.add(new Op.Apply(gate));
            return;
        }
        Map<String, Double> env = new HashMap<>();
        Map<String, String> bound = new HashMap<>(); // gate parameter -> free parameter it carries
        for (int i = 0; i < params.length; i++) {
            if (symbols[i] != null) bound.put(g.params().get(i), symbols[i]);
            else env.put(g.params().get(i), params[i]);
        }
        Map<String, Integer> wires = new HashMap<>();
        for (int i = 0; i < qubits.length; i++) wires.put(g.args().get(i), qubits[i]);
        for (Statement.GateCall c : g.body()) {
            if (c.name().equals("barrier")) continue;
            double[] p = new double[c.params().size()];
            String[] sy = new String[p.length];
            for (int i = 0; i < p.length; i++) {
                String inner = symbol(c.params().get(i), bound.keySet(), c);
                if (inner != null) {
                    sy[i] = bound.get(inner);
                    continue;
                }
                p[i] = c.params().get(i).eval(env);
                if (!Double.isFinite(p[i])) {
                    throw error(site.line(), site.column(), "in gate " + name + " (line " + c.line() + "), parameter " + (i + 1) + " of " + c.name() + " evaluates to " + p[i]);
                }
            }
            int[] q = new int[c.args().size()];
            for (int i = 0; i < q.length; i++) q[i] = wires.get(c.args().get(i).name());
            expand(c.name(), p, sy, q, ops, bound.isEmpty() ? site : c);
        }
    }
}
