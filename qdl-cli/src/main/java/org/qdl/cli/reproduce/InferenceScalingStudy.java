package org.qdl.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Communication of (ε, δ) inference against N: polylog(N) qubits against poly(N) classical bits. */
final class InferenceScalingStudy implements Study {
    @Override
    public String name() {
        return "inference-scaling";
    }

    @Override
    public String title() {
        return "Inference: qubits against classical bits as N grows";
    }

    @Override
    public void run(StudyContext ctx, StudyRecorder rec) throws Exception {
        String maxK = ctx.quick() ? "12" : "22";
        ctx.qdl("scaling", "--max-k", maxK, "--out", ctx.dir().toString());
        JsonNode doc = StudyContext.readJson(ctx.dir().resolve("scaling.json"));
        JsonNode rows = doc.get("rows");
        Table t = rec.table(Table.of("Communication against N (ε = 0.05, δ = 0.01, L = 4)", "N", "qubits/shot", "shots", "total qubits",
                "classical vectors (64-bit)", "cheapest classical (64-bit)", "cheapest / quantum"));
        boolean growing = true;
        double prev = 0;
        for (JsonNode r : rows) {
            double ratio = r.get("ratioCheapest64").asDouble();
            growing &= ratio > prev;
            prev = ratio;
            t.row("2^" + r.get("k").asInt(), r.get("qubitsPerShot").asLong(), Fmt.count(r.get("shots").asLong()),
                    Fmt.count(r.get("totalQubits").asLong()), Fmt.count(r.get("classicalBitsVectors64").asLong()),
                    Fmt.count(r.get("cheapestClassicalBits64").asLong()) + " (" + r.get("cheapestClassical").asText() + ")",
                    Fmt.f("%.3g", ratio));
        }
        JsonNode s = doc.get("slopes");
        double q = s.get("quantumTotalQubits").asDouble(), v = s.get("classicalVectors64").asDouble(),
                c = s.get("cheapestClassical64").asDouble();
        rec.headline("quantum qubits grow polylogarithmically (log-log slope < 0.3) while sending the vectors grows linearly (slope > 0.95)",
                q < 0.3 && v > 0.95, Fmt.f("slopes: quantum %.3f, classical vectors %.3f, cheapest classical %.3f", q, v, c));
        rec.headline("the classical/quantum ratio grows with N at every step and exceeds 1 at the largest N", growing && prev > 1,
                Fmt.f("ratio %.3g at N = 2^%d; increasing at every step: %b", prev, rows.get(rows.size() - 1).get("k").asInt(), growing));
        rec.reference("Paper: O(polylog N) qubits for (ε, δ) inference of a model with N-dimensional input and N parameters at Bob, "
                + "against Ω(N) classical bits for models of this class. Earlier qdl run (docs/results.md, N = 2^4 … 2^22): "
                + "slopes quantum 0.127, classical vectors 1.000, cheapest classical 0.963; crossover between 2^11 and 2^12.");
        for (String ext : new String[] {"csv", "json", "svg"}) {
            rec.file(ctx.dir().resolve("scaling." + ext));
        }
        rec.plot(ctx.dir().resolve("scaling.png"));
    }
}
