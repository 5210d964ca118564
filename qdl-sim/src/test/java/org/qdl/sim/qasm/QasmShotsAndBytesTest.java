package org.qdl.sim.qasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.sim.InvalidInputException;

/** Shot counts up to Integer.MAX_VALUE without per-shot memory; a file that is not text is named with its byte offset. */
class QasmShotsAndBytesTest {
    static final String BELL = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n";

    @Test
    void maxIntShotsOfAStaticProgramAreCounted() {
        QasmRunner.Result r = QasmRunner.run(QasmProgram.parse(BELL, "bell.qasm"), Integer.MAX_VALUE, 1);
        assertEquals(java.util.Set.of("00", "11"), r.counts().keySet());
        assertEquals(Integer.MAX_VALUE, (long) r.counts().get("00") + r.counts().get("11"));
        assertEquals(Integer.MAX_VALUE / 2.0, r.counts().get("00"), 6 * Math.sqrt(Integer.MAX_VALUE / 4.0));
    }

    @Test
    void countsJustAboveTheThresholdAreAlsoDrawnFromTheRightLaw() {
        String ry = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\nry(pi/3) q[0];\nmeasure q -> c;\n";
        int shots = QasmRunner.COUNTS_ABOVE + 1;
        QasmRunner.Result r = QasmRunner.run(QasmProgram.parse(ry, "ry.qasm"), shots, 2);
        double p1 = Math.pow(Math.sin(Math.PI / 6), 2);
        assertEquals(shots, r.counts().get("0") + r.counts().get("1"));
        assertEquals(shots * p1, r.counts().get("1"), 6 * Math.sqrt(shots * p1 * (1 - p1)));
    }

    @Test
    void dynamicProgramsRefuseMoreShotsThanTheyCanSimulateWithTheLimit() {
        String dyn = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\nh q[0];\nmeasure q[0] -> c[0];\nif (c == 1) x q[0];\n";
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> QasmRunner.run(QasmProgram.parse(dyn, "d.qasm"), QasmRunner.MAX_DYNAMIC_SHOTS + 1, 1));
        assertTrue(e.getMessage().contains("at most " + QasmRunner.MAX_DYNAMIC_SHOTS + " shots, got " + (QasmRunner.MAX_DYNAMIC_SHOTS + 1)), e.getMessage());
    }

    @Test
    void binaryAndControlBytesAreNamedWithTheirOffset(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("x.qasm");
        Files.write(f, new byte[] {'O', 'P', 'E', 'N', (byte) 0xff, 'Q'});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QasmProgram.load(f));
        assertEquals(f + " is not UTF-8 text: invalid byte 0xff at byte offset 4", e.getMessage());
        Files.write(f, new byte[] {'O', 'P', 0, 'E'});
        e = assertThrows(InvalidInputException.class, () -> QasmProgram.load(f));
        assertEquals(f + " is not text: control byte 0x00 at byte offset 2", e.getMessage());
        Files.writeString(f, BELL.replace("h q[0];", "h q[0];  // π/2 é"));
        assertEquals(2, QasmProgram.load(f).numQubits()); // UTF-8 in comments stays fine
    }
}
