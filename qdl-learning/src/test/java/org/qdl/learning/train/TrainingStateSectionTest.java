package org.qdl.learning.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qdl.protocol.LocalParty;
import org.qdl.protocol.model.file.PartyStateSection;
import org.qdl.sim.InvalidInputException;

class TrainingStateSectionTest {
    @Test
    void isFoundOnTheClassPathAndGivesBobHisShare() throws Exception {
        List<PartyStateSection> sections = PartyStateSection.installed();
        assertEquals(List.of("training"), sections.stream().map(PartyStateSection::key).toList());
        LocalParty bob = new LocalParty("bob");
        sections.get(0).hold(bob, new ObjectMapper().readTree("{\"n\":8,\"layers\":3,\"train\":5,\"test\":3,\"noise\":0.7,\"seed\":42}"), "b.json");
        TrainingSetup ref = new TrainingSetup(8, 3, 5, 3, 0.7, 42);
        assertEquals(Set.of("U2"), bob.layerKeys());
        assertEquals(Set.of("O"), bob.observableKeys());
        assertArrayEquals(ref.layer(1).parameters(), bob.ownLayer("U2").parameters(), 0.0);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> sections.get(0).hold(new LocalParty("bob"), new ObjectMapper().readTree("{\"n\":8}"), "b.json"));
        assertEquals("b.json: training.noise: missing (expected a number)", e.getMessage());
    }
}
