package org.qdl.sim.qasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive-descent parser for OpenQASM 2.0 producing {@link Statement}s; errors carry line and column. */
final class Parser {
    /** Statement keywords of OpenQASM 3 (and pulse-level extensions) that this importer names as unsupported. */
    static final Set<String> QASM3_WORDS = Set.of("qubit", "bit", "def", "for", "while", "ctrl", "inv", "pow",
            "let", "input", "output", "defcal", "cal", "delay", "box", "const", "gphase", "else", "stretch", "duration");

    private final List<Token> tokens;
    private final String file;
    private int pos;

    private Parser(List<Token> tokens, String file) {
        this.tokens = tokens;
        this.file = file;
    }

    static List<Statement> parse(String source, String file) {
        Parser p = new Parser(Lexer.tokenize(source, file), file);
        return p.program();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token take() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) pos++;
        return t;
    }

    private QasmException error(Token at, String message) {
        return new QasmException(file, at.line(), at.column(), message);
    }

    private QasmException expected(String what) {
        return error(peek(), "expected " + what + ", found " + peek().describe());
    }

    private Token expect(String symbol, String context) {
        if (!peek().is(symbol)) throw expected("'" + symbol + "' " + context);
        return take();
    }

    private String ident(String what) {
        if (peek().kind() != Token.Kind.IDENT) throw expected(what);
        return take().text();
    }

    private int nonNegativeInt(String what) {
        Token t = peek();
        if (t.kind() != Token.Kind.INT) throw expected(what);
        take();
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw error(t, what + " " + t.text() + " is too large");
        }
    }

    private List<Statement> program() {
        Token h = peek();
        if (!h.is("OPENQASM")) throw expected("the header 'OPENQASM 2.0;'");
        take();
        Token v = peek();
        if (v.kind() != Token.Kind.REAL && v.kind() != Token.Kind.INT) throw expected("a version number after OPENQASM");
        take();
        if (!(v.text().equals("2.0") || v.text().equals("2"))) {
            throw error(v, "OpenQASM version " + v.text() + " is not supported; only OpenQASM 2.0 is");
        }
        expect(";", "after 'OPENQASM " + v.text() + "'");
        List<Statement> out = new ArrayList<>();
        while (peek().kind() != Token.Kind.EOF) out.add(statement());
        return out;
    }

    private Statement statement() {
        Token t = peek();
        if (t.kind() != Token.Kind.IDENT) throw expected("a statement");
        switch (t.text()) {
            case "include": {
                take();
                if (peek().kind() != Token.Kind.STRING) throw expected("a file name in double quotes after include");
                String path = take().text();
                expect(";", "after the include");
                return new Statement.Include(path, t.line(), t.column());
            }
            case "qreg":
            case "creg": {
                take();
                String name = ident("a register name after " + t.text());
                expect("[", "after the register name");
                Token sz = peek();
                int size = nonNegativeInt("the register size");
                if (size < 1) throw error(sz, "register " + name + " must have at least one bit");
                expect("]", "after the register size");
                expect(";", "after the register declaration");
                return t.text().equals("qreg") ? new Statement.QReg(name, size, t.line(), t.column())
                        : new Statement.CReg(name, size, t.line(), t.column());
            }
            case "gate":
                return gateDecl();
            case "opaque":
                throw error(t, "'opaque' gate declarations are not supported (an opaque gate has no definition to simulate)");
            case "measure": {
                take();
                Statement.Arg q = arg("a qubit or quantum register to measure");
                expect("->", "between the measured qubit and the classical bit");
                Statement.Arg c = arg("a classical bit or register after '->'");
                expect(";", "after the measurement");
                return new Statement.Measure(q, c, t.line(), t.column());
            }
            case "reset": {
                take();
                Statement.Arg q = arg("a qubit or quantum register to reset");
                expect(";", "after the reset");
                return new Statement.Reset(q, t.line(), t.column());
            }
            case "barrier": {
                take();
                List<Statement.Arg> args = argList("a qubit or register after barrier");
                expect(";", "after the barrier");
                return new Statement.Barrier(args, t.line(), t.column());
            }
            case "if": {
                take();
                expect("(", "after if");
                String creg = ident("a classical register name in the if condition");
                expect("==", "after the classical register in the if condition");
                Token vt = peek();
                if (vt.kind() != Token.Kind.INT) throw expected("a non-negative integer to compare the register with");
                take();
                long value;
                try {
                    value = Long.parseLong(vt.text());
                } catch (NumberFormatException e) {
                    throw error(vt, "value " + vt.text() + " is too large");
                }
                expect(")", "to close the if condition");
                Token bt = peek();
                if (bt.is("if") || bt.is("gate") || bt.is("qreg") || bt.is("creg") || bt.is("include") || bt.is("opaque") || bt.is("barrier")) {
                    throw error(bt, "an if may only guard a gate, measure or reset, not '" + bt.text() + "'");
                }
                return new Statement.If(creg, value, statement(), t.line(), t.column());
            }
            default:
                if (QASM3_WORDS.contains(t.text()) && !peek2IsGateCallShape()) {
                    throw error(t, "'" + t.text() + "' is OpenQASM 3 syntax, which is not supported; only OpenQASM 2.0 is");
                }
                return gateCall(false);
        }
    }

    /** A QASM 3 word followed by an identifier (e.g. "ctrl q[0]") could still be a user gate call. */
    private boolean peek2IsGateCallShape() {
        Token n = tokens.get(Math.min(pos + 1, tokens.size() - 1));
        return n.kind() == Token.Kind.IDENT;
    }

    private Statement.GateDecl gateDecl() {
        Token g = take();
        String name = ident("a gate name after 'gate'");
        List<String> params = new ArrayList<>();
        if (peek().is("(")) {
            take();
            if (!peek().is(")")) {
                params.add(ident("a parameter name"));
                while (peek().is(",")) {
                    take();
                    params.add(ident("a parameter name after ','"));
                }
            }
            expect(")", "to close the parameter list");
        }
        List<String> args = new ArrayList<>();
        args.add(ident("a qubit argument name in the definition of " + name));
        while (peek().is(",")) {
            take();
            args.add(ident("a qubit argument name after ','"));
        }
        expect("{", "to open the body of gate " + name);
        List<Statement.GateCall> body = new ArrayList<>();
        while (!peek().is("}")) {
            Token t = peek();
            if (t.kind() == Token.Kind.EOF) throw error(t, "gate " + name + " is not closed with '}'");
            if (t.is("measure") || t.is("reset") || t.is("if") || t.is("gate") || t.is("qreg") || t.is("creg") || t.is("opaque")) {
                throw error(t, "'" + t.text() + "' is not allowed inside the body of gate " + name);
            }
            body.add(gateCall(true));
        }
        take();
        return new Statement.GateDecl(name, params, args, body, g.line(), g.column());
    }

    /** name [(exprs)] args ; — barrier included when inside a gate body. */
    private Statement.GateCall gateCall(boolean inBody) {
        Token t = peek();
        String name = ident("a gate name");
        List<Expr> params = new ArrayList<>();
        if (peek().is("(")) {
            take();
            if (!peek().is(")")) {
                params.add(expr());
                while (peek().is(",")) {
                    take();
                    params.add(expr());
                }
            }
            expect(")", "to close the parameters of " + name);
        }
        List<Statement.Arg> args = argList("a qubit argument for " + name);
        if (inBody) {
            for (Statement.Arg a : args) {
                if (!a.whole()) throw new QasmException(file, a.line(), a.column(), "inside a gate body, arguments are plain names, not indexed like " + a);
            }
        }
        expect(";", "after the arguments of " + name);
        return new Statement.GateCall(name, params, args, t.line(), t.column());
    }

    private List<Statement.Arg> argList(String what) {
        List<Statement.Arg> args = new ArrayList<>();
        args.add(arg(what));
        while (peek().is(",")) {
            take();
            args.add(arg(what));
        }
        return args;
    }

    private Statement.Arg arg(String what) {
        Token t = peek();
        String name = ident(what);
        int index = -1;
        if (peek().is("[")) {
            take();
            index = nonNegativeInt("an index inside [ ]");
            expect("]", "after the index");
        }
        return new Statement.Arg(name, index, t.line(), t.column());
    }

    // expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ; unary := '-' unary | power ;
    // power := atom ('^' unary)?   (right-associative, binds tighter than unary minus: -2^2 = -4)
    private Expr expr() {
        Expr e = term();
        while (peek().is("+") || peek().is("-")) {
            char op = take().text().charAt(0);
            e = new Expr.Binary(op, e, term());
        }
        return e;
    }

    private Expr term() {
        Expr e = unary();
        while (peek().is("*") || peek().is("/")) {
            char op = take().text().charAt(0);
            e = new Expr.Binary(op, e, unary());
        }
        return e;
    }

    private Expr unary() {
        if (peek().is("-")) {
            take();
            return new Expr.Neg(unary());
        }
        if (peek().is("+")) {
            take();
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        if (peek().is("^")) {
            take();
            return new Expr.Binary('^', base, unary());
        }
        return base;
    }

    private Expr atom() {
        Token t = peek();
        switch (t.kind()) {
            case INT:
            case REAL:
                take();
                return new Expr.Num(Double.parseDouble(t.text()));
            case IDENT:
                take();
                if (t.text().equals("pi")) return new Expr.Num(Math.PI);
                if (Expr.Call.FUNCTIONS.contains(t.text())) {
                    expect("(", "after the function " + t.text());
                    Expr a = expr();
                    expect(")", "to close the argument of " + t.text());
                    return new Expr.Call(t.text(), a);
                }
                if (peek().is("(")) {
                    throw error(t, "unknown function '" + t.text() + "'; supported: sin, cos, tan, exp, ln, sqrt");
                }
                return new Expr.Param(t.text(), t.line(), t.column());
            default:
                if (t.is("(")) {
                    take();
                    Expr e = expr();
                    expect(")", "to close the parenthesis");
                    return e;
                }
                throw expected("a number, pi, a parameter name or '('");
        }
    }
}
