package org.qdl.protocol.noise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdl.sim.InvalidInputException;
import org.qdl.sim.noise.Channel;
import org.qdl.sim.noise.GlobalDepolarizing;
import org.qdl.sim.noise.KrausChannel;
import org.qdl.sim.noise.PauliChannel;
import org.qdl.sim.noise.Relaxation;

/**
 * What a quantum link (or a party's memory) does to every qubit that crosses it: channels applied
 * in order, and a per-qubit transmission probability (photon loss, heralded: a shot that loses a
 * qubit is lost and retried). Parsed from a spec such as {@code depolarizing:0.01},
 * {@code dephasing:0.02+amplitude-damping:0.01}, {@code thermal:t=1,T1=100,T2=80},
 * {@code loss:0.05} or {@code fibre:km=10,dbPerKm=0.2}; terms joined by '+', "none" for a perfect link.
 *
 * <p>Units: probabilities are per qubit and per crossing; {@code thermal} times in any one unit;
 * fibre loss α dB/km over L km transmits η = 10^{−αL/10} of the photons.
 */
public record LinkNoise(List<Term> terms, double transmission) {
    /** One channel term: its kind and parameters as the user gave them (so noise can be scaled). */
    public record Term(String kind, double[] params) {
        public Term {
            params = params.clone();
        }

        List<Channel> channels() {
            return switch (kind) {
                case "depolarizing" -> List.of(PauliChannel.depolarizing(params[0]));
                case "dephasing" -> List.of(PauliChannel.dephasing(params[0]));
                case "amplitude-damping" -> List.of(KrausChannel.amplitudeDamping(params[0]));
                case "global-depolarizing" -> List.of(new GlobalDepolarizing(params[0]));
                case "thermal" -> Relaxation.of(params[0], params[1], params[2]);
                default -> throw new IllegalStateException(kind);
            };
        }

        /** The term with its noise strength multiplied by λ (probabilities, or the storage time). */
        Term scaled(double lambda) {
            double[] p = params.clone();
            p[0] *= lambda;
            return new Term(kind, p);
        }

        String spec() {
            if (kind.equals("thermal")) return String.format(Locale.ROOT, "thermal:t=%s,T1=%s,T2=%s", num(params[0]), num(params[1]), num(params[2]));
            return kind + ":" + num(params[0]);
        }
    }

    public static final LinkNoise NONE = new LinkNoise(List.of(), 1);

    public LinkNoise {
        terms = List.copyOf(terms);
        if (!(transmission > 0 && transmission <= 1)) {
            throw new InvalidInputException("link transmission must lie in (0, 1], got " + transmission);
        }
    }

    /** η = 10^{−α·L/10} for L km of fibre at α dB/km. */
    public static double fibreTransmission(double km, double dbPerKm) {
        if (!(km >= 0) || Double.isInfinite(km)) throw new InvalidInputException("link length must be finite and ≥ 0 km, got " + km);
        if (!(dbPerKm >= 0) || Double.isInfinite(dbPerKm)) throw new InvalidInputException("fibre loss must be finite and ≥ 0 dB/km, got " + dbPerKm);
        return Math.pow(10, -dbPerKm * km / 10);
    }

    public static LinkNoise parse(String spec) {
        if (spec == null) throw new InvalidInputException("no noise spec given");
        String s = spec.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("none")) return NONE;
        List<Term> terms = new ArrayList<>();
        double eta = 1;
        for (String part : s.split("\\+")) {
            String t = part.trim();
            int colon = t.indexOf(':');
            if (colon < 0) throw bad(spec, t, "expected KIND:VALUE, e.g. depolarizing:0.01");
            String kind = t.substring(0, colon).trim().toLowerCase(Locale.ROOT).replace('_', '-');
            String arg = t.substring(colon + 1).trim();
            switch (kind) {
                case "depolarizing", "depolarising", "dephasing", "amplitude-damping", "global-depolarizing", "global-depolarising" -> {
                    String k = kind.replace("ising", "izing");
                    Term term = new Term(k, new double[] {number(spec, t, arg)});
                    check(spec, term);
                    terms.add(term);
                }
                case "thermal" -> {
                    Map<String, Double> kv = keyValues(spec, t, arg, "t", "T1", "T2");
                    Term term = new Term("thermal", new double[] {kv.get("t"), kv.get("T1"), kv.get("T2")});
                    check(spec, term);
                    terms.add(term);
                }
                case "loss" -> {
                    double p = number(spec, t, arg);
                    if (!(p >= 0 && p < 1)) throw bad(spec, t, "loss probability must lie in [0, 1)");
                    eta *= 1 - p;
                }
                case "transmission" -> {
                    double p = number(spec, t, arg);
                    if (!(p > 0 && p <= 1)) throw bad(spec, t, "transmission must lie in (0, 1]");
                    eta *= p;
                }
                case "fibre", "fiber" -> {
                    Map<String, Double> kv = keyValues(spec, t, arg, "km", "dbPerKm");
                    try {
                        eta *= fibreTransmission(kv.get("km"), kv.get("dbPerKm"));
                    } catch (InvalidInputException e) {
                        throw bad(spec, t, e.getMessage());
                    }
                }
                default -> throw bad(spec, t, "unknown noise kind '" + kind
                        + "' (known: depolarizing, dephasing, amplitude-damping, global-depolarizing, thermal, loss, transmission, fibre)");
            }
        }
        return new LinkNoise(terms, eta);
    }

    private static void check(String spec, Term term) {
        try {
            term.channels();
        } catch (InvalidInputException e) {
            throw bad(spec, term.spec(), e.getMessage());
        }
    }

    private static double number(String spec, String term, String arg) {
        try {
            double v = Double.parseDouble(arg);
            if (Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw bad(spec, term, "'" + arg + "' is not a number");
        }
    }

    private static Map<String, Double> keyValues(String spec, String term, String arg, String... keys) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kv : arg.split(",")) {
            int eq = kv.indexOf('=');
            if (eq < 0) throw bad(spec, term, "expected " + String.join("=…,", keys) + "=…");
            String k = kv.substring(0, eq).trim();
            String key = null;
            for (String known : keys) if (known.equalsIgnoreCase(k)) key = known;
            if (key == null) throw bad(spec, term, "unknown key '" + k + "' (expected " + String.join(", ", keys) + ")");
            out.put(key, number(spec, term, kv.substring(eq + 1).trim()));
        }
        for (String k : keys) if (!out.containsKey(k)) throw bad(spec, term, "missing " + k + "=…");
        return out;
    }

    private static InvalidInputException bad(String spec, String term, String why) {
        return new InvalidInputException("noise spec '" + spec + "', term '" + term + "': " + why);
    }

    /** The channels, in order, that act on each crossing qubit. */
    public List<Channel> channels() {
        List<Channel> out = new ArrayList<>();
        for (Term t : terms) out.addAll(t.channels());
        return out;
    }

    public LinkNoise withTransmission(double eta) {
        return new LinkNoise(terms, eta);
    }

    /** Every channel's strength multiplied by λ (zero-noise extrapolation); loss unchanged. */
    public LinkNoise scaled(double lambda) {
        List<Term> s = new ArrayList<>();
        for (Term t : terms) s.add(t.scaled(lambda));
        LinkNoise out = new LinkNoise(s, transmission);
        out.channels(); // validates the scaled parameters
        return out;
    }

    /** No channel and no loss: the link of the noiseless protocol. */
    public boolean perfect() {
        return terms.isEmpty() && transmission == 1;
    }

    public boolean lossy() {
        return transmission < 1;
    }

    /** Only global depolarising channels: the total shrink is then Π(1 − p), known to the parties. */
    public boolean globalDepolarizingOnly() {
        for (Term t : terms) if (!t.kind().equals("global-depolarizing")) return false;
        return true;
    }

    /** Π(1 − p) over the global depolarising terms (1 for none). */
    public double globalShrink() {
        double f = 1;
        for (Term t : terms) if (t.kind().equals("global-depolarizing")) f *= 1 - t.params()[0];
        return f;
    }

    /** The spec this parses from (canonical form). */
    public String spec() {
        List<String> parts = new ArrayList<>();
        for (Term t : terms) parts.add(t.spec());
        if (transmission < 1) parts.add("transmission:" + num(transmission));
        return parts.isEmpty() ? "none" : String.join("+", parts);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    @Override
    public String toString() {
        return spec();
    }
}
