package org.qdl.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.qdl.cli.Main;

/** Enum-valued options: the old spellings still parse, and a bad value is the option's own one line, exit 2. */
class ChoicesTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), err.toString().strip()};
    }

    @Test
    void badSpellingsGiveTheOptionsOwnMessage() {
        assertEquals("2|qdl gnn train: --model must be poly, prelu or both, got 'x'", String.join("|", run("gnn", "train", "--model", "x")));
        assertEquals("2|qdl gnn graphs: --folds must be stratified or file, got 'y'", String.join("|", run("gnn", "graphs", "--folds", "y")));
        assertEquals("2|qdl scaling: --family must be AUTO, HAAR or RANDOM_CIRCUIT, got bad", String.join("|", run("scaling", "--hard", "--family", "bad")));
        assertEquals("2|qdl infer: --estimator must be hoeffding or median-of-means, got 'z'", String.join("|", run("infer", "--estimator", "z")));
        assertEquals("2|qdl infer: --route must be direct or relay, got 'w'", String.join("|", run("infer", "--route", "w")));
    }

    @Test
    void acceptedSpellingsParse() {
        assertEquals("0", run("infer", "-n", "4", "-L", "2", "--epsilon", "0.3", "--estimator", "median-of-means", "--route", "relay")[0]);
        assertEquals("0", run("scaling", "--hard", "--family", "circuit", "--min-k", "2", "--max-k", "2", "--instances", "1")[0]);
    }
}
