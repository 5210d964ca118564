package org.qdl.sim.qasm;

import java.util.Map;

/** A parameter expression: numbers, pi, gate parameters, + − * / ^, unary minus and functions. */
sealed interface Expr {
    /** Evaluates with gate parameters bound by name (empty outside gate bodies). */
    double eval(Map<String, Double> env);

    record Num(double value) implements Expr {
        public double eval(Map<String, Double> env) {
            return value;
        }
    }

    /** A gate parameter; its position is kept for the "unknown parameter" error. */
    record Param(String name, int line, int column) implements Expr {
        public double eval(Map<String, Double> env) {
            Double v = env.get(name);
            if (v == null) throw new IllegalStateException("unbound parameter " + name); // the compiler checks names first
            return v;
        }
    }

    record Neg(Expr operand) implements Expr {
        public double eval(Map<String, Double> env) {
            return -operand.eval(env);
        }
    }

    record Binary(char op, Expr left, Expr right) implements Expr {
        public double eval(Map<String, Double> env) {
            double a = left.eval(env), b = right.eval(env);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                case '^' -> Math.pow(a, b);
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }

    record Call(String function, Expr argument) implements Expr {
        static final java.util.Set<String> FUNCTIONS = java.util.Set.of("sin", "cos", "tan", "exp", "ln", "sqrt");

        public double eval(Map<String, Double> env) {
            double x = argument.eval(env);
            return switch (function) {
                case "sin" -> Math.sin(x);
                case "cos" -> Math.cos(x);
                case "tan" -> Math.tan(x);
                case "exp" -> Math.exp(x);
                case "ln" -> Math.log(x);
                case "sqrt" -> Math.sqrt(x);
                default -> throw new IllegalStateException("function " + function);
            };
        }
    }
}
