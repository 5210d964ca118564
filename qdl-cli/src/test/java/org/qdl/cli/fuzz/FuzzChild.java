package org.qdl.cli.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qdl.cli.Main;

/**
 * The fuzz test's worker JVM: reads one command line per stdin line (a JSON array), runs it in
 * process and answers one line "@@ {code, err, out}" on stdout. A separate JVM so that a value the
 * command accepts and then works on for long (a huge epoch count) can be ended by killing it.
 */
public final class FuzzChild {
    private FuzzChild() {}

    public static void main(String[] a) throws Exception {
        ObjectMapper json = new ObjectMapper();
        PrintStream answers = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream())); // stray library output cannot garble the answers
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] args = json.readValue(line, String[].class);
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code;
            try {
                code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            } catch (Throwable t) { // escaped every handler: always a finding
                t.printStackTrace(new PrintWriter(err, true));
                code = -1;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", code);
            r.put("err", err.toString());
            r.put("out", out.toString().length());
            answers.println("@@ " + json.writeValueAsString(r));
        }
    }
}
