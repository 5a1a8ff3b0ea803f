package org.habeas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JournalEntryTest {

    @Test
    void actionsAreUpperSnake() {
        assertThat(JournalEntry.of("USER_CREATED", "user", "1").action()).isEqualTo("USER_CREATED");
        for (String bad : new String[] {"user_created", "USER-CREATED", "_USER", "", "A".repeat(65)}) {
            assertThatThrownBy(() -> JournalEntry.of(bad, "user", "1")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void withersKeepEverythingElse() {
        var entry = JournalEntry.of("PERSON_MOVED", "person", "7").withFacility("CECOT").withReason("repair")
                .withDetails(Map.of("to", "B-2")).by("kiosk", "INTAKE");
        assertThat(entry).isEqualTo(new JournalEntry("PERSON_MOVED", "person", "7", "CECOT", "repair",
                Map.of("to", "B-2"), "kiosk", "INTAKE"));
    }

    @Test
    void detailsMayHoldNullAndAreCopied() {
        var details = new HashMap<String, Object>();
        details.put("previousCell", null);
        var entry = JournalEntry.of("PERSON_PLACED", "person", "7").withDetails(details);
        details.put("later", "change");
        assertThat(entry.details()).containsOnlyKeys("previousCell");
        assertThatThrownBy(() -> entry.details().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
