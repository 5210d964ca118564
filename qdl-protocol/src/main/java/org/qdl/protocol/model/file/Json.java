package org.qdl.protocol.model.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qdl.sim.InvalidInputException;

/** Typed reads of a JSON tree whose errors name the file, the key path and the value found. */
final class Json {
    private final String source;

    Json(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    InvalidInputException bad(String key, String what) {
        return new InvalidInputException(source + ": " + key + ": " + what);
    }

    static String show(JsonNode v) {
        String s = v == null ? "nothing" : v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Named items of a section (absent: none). */
    List<Map.Entry<String, JsonNode>> entries(JsonNode parent, String where) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        int dot = where.lastIndexOf('.');
        JsonNode s = parent.get(where.substring(dot + 1));
        if (s == null) return out;
        if (!s.isObject()) throw bad(where, "expected an object of named items, got " + show(s));
        s.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) throw bad(where + "." + e.getKey(), "expected an object, got " + show(e.getValue()));
            out.add(e);
        });
        return out;
    }

    /** Throws on the first key of {@code spec} not in {@code allowed}. */
    void only(String where, JsonNode spec, Set<String> allowed) {
        for (Iterator<String> it = spec.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) throw bad(where.isEmpty() ? f : where + "." + f, "unknown key (expected " + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
    }

    String text(String where, JsonNode spec, String key) {
        JsonNode v = spec == null ? null : spec.get(key);
        String at = where.isEmpty() ? key : where + "." + key;
        if (v == null) throw bad(at, "missing (expected a string)");
        if (!v.isTextual()) throw bad(at, "expected a string, got " + show(v));
        return v.asText();
    }

    int integer(String where, JsonNode spec, String key) {
        JsonNode v = spec.get(key);
        String at = where.isEmpty() ? key : where + "." + key;
        if (v == null) throw bad(at, "missing (expected an integer)");
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw bad(at, "expected an integer, got " + show(v));
        return v.asInt();
    }

    long longValue(String where, JsonNode spec, String key) {
        JsonNode v = spec.get(key);
        String at = where.isEmpty() ? key : where + "." + key;
        if (v == null) throw bad(at, "missing (expected an integer)");
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw bad(at, "expected an integer, got " + show(v));
        return v.asLong();
    }

    double number(String where, JsonNode v) {
        if (v == null || !v.isNumber()) throw bad(where, "expected a number, got " + show(v));
        double d = v.asDouble();
        if (!Double.isFinite(d)) throw bad(where, "value " + v + " is not a finite number");
        return d;
    }

    double[] numbers(String where, JsonNode a) {
        if (a == null || !a.isArray()) throw bad(where, "expected an array of numbers, got " + show(a));
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) x[i] = number(where + "[" + i + "]", a.get(i));
        return x;
    }

    List<String> strings(String where, JsonNode a) {
        if (a == null || !a.isArray()) throw bad(where, "expected an array of names, got " + show(a));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) throw bad(where + "[" + i + "]", "expected a name, got " + show(a.get(i)));
            if (out.contains(a.get(i).asText())) throw bad(where + "[" + i + "]", "'" + a.get(i).asText() + "' is named twice");
            out.add(a.get(i).asText());
        }
        return out;
    }
}
