package org.qdl.learning.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded task trains bit for bit as it did before the trainer became generic: per-epoch
 * losses and accuracies, cumulative and per-link ledger, final parameters and optimiser state equal
 * the figures recorded (embedded-reference.txt) from the two-party trainer of session 5.
 */
class EmbeddedTaskRegressionTest {
    @Test
    void embeddedRunsRepeatTheRecordedFigures() throws Exception {
        String expected;
        try (InputStream in = getClass().getResourceAsStream("embedded-reference.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] runs = expected.split("\n=====\n");
        assertEquals(EmbeddedReference.CONFIGS.size(), runs.length);
        for (int i = 0; i < runs.length; i++) {
            TrainConfig c = EmbeddedReference.CONFIGS.get(i);
            Trainer t = new Trainer(c);
            List<EpochRecord> h = t.run(Long.MAX_VALUE, 0, null, new Trainer.Listener() {});
            assertEquals(runs[i], EmbeddedReference.fingerprint(t, h), c.toString());
        }
    }
}
