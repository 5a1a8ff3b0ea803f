package org.habeas.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** The canonical encoding and the hash chain, without a database. */
class ChainTest {

    private static final EntryContent ENTRY = new EntryContent(42, UUID.fromString(
            "6f1c2a64-1b0e-4a55-9c39-3c1e3b0f2a11"), 1_735_689_600_123_456L, "officer.ruiz", "HOUSING,INTAKE",
            "PERSON_MOVED", "person", "CECOT-2025-000123", "CECOT", "cell repair", "{\"to\": \"B-2-014\"}",
            "req-1");

    @Test
    void theEncodingIsPinned() {
        // Anyone re-implementing verification (an inspector's own tool) must get these exact bytes.
        byte[] canonical = new Chain().canonical(ENTRY);
        assertThat(HexFormat.of().formatHex(canonical, 0, 33)).isEqualTo(
                "01" + "000000000000002a" + "6f1c2a641b0e4a559c393c1e3b0f2a11" + "00062a99ba0e4240");
        assertThat(canonical).hasSize(1 + 8 + 16 + 8 + 9 * 4 + "officer.ruiz".length() + "HOUSING,INTAKE".length()
                + "PERSON_MOVED".length() + "person".length() + "CECOT-2025-000123".length() + "CECOT".length()
                + "cell repair".length() + "{\"to\": \"B-2-014\"}".length() + "req-1".length());
    }

    @Test
    void theHashIsSha256OfThePreviousHashAndTheCanonicalBytes() throws Exception {
        byte[] previous = new byte[32];
        previous[31] = 7;
        var sha = MessageDigest.getInstance("SHA-256");
        sha.update(previous);
        sha.update(new Chain().canonical(ENTRY));
        assertThat(new Chain().link(previous, ENTRY)).isEqualTo(sha.digest());
    }

    @Test
    void everyFieldCountsAndNoValueCanSlipIntoItsNeighbour() {
        List<UnaryOperator<EntryContent>> changes = List.of(
                e -> with(e, 0, "43"), e -> with(e, 1, null), e -> with(e, 2, "1735689600123457"),
                e -> with(e, 3, "officer.ruiz2"), e -> with(e, 4, "HOUSING"), e -> with(e, 5, "PERSON_MOVE"),
                e -> with(e, 6, "persons"), e -> with(e, 7, "CECOT-2025-000124"), e -> with(e, 8, null),
                e -> with(e, 9, "cell repair."), e -> with(e, 10, "{\"to\": \"B-2-015\"}"), e -> with(e, 11, null),
                // The same characters with the boundary moved: length prefixes tell these apart.
                e -> with(with(e, 3, "officer.ruizH"), 4, "OUSING,INTAKE"),
                // Empty is not NULL.
                e -> with(e, 8, ""));
        var chain = new Chain();
        byte[] original = chain.link(Chain.genesis(), ENTRY);
        List<String> hashes = new ArrayList<>();
        for (var change : changes) {
            byte[] changed = chain.link(Chain.genesis(), change.apply(ENTRY));
            assertThat(changed).isNotEqualTo(original);
            hashes.add(Chain.hex(changed));
        }
        assertThat(hashes).doesNotHaveDuplicates();
    }

    @Test
    void theSameEntryAfterADifferentPredecessorHashesDifferently() {
        var chain = new Chain();
        byte[] first = chain.link(Chain.genesis(), ENTRY);
        byte[] other = chain.link(first, ENTRY);
        assertThat(other).isNotEqualTo(first);
        assertThat(chain.link(first, ENTRY)).as("reusing the chain changes nothing").isEqualTo(other);
    }

    @Test
    void textIsEncodedAsUtf8() {
        var accented = with(ENTRY, 9, "traslado a celda de aislamiento — orden nº 7");
        byte[] canonical = new Chain().canonical(accented);
        byte[] reason = "traslado a celda de aislamiento — orden nº 7".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(canonical, StandardCharsets.UTF_8))
                .contains("traslado a celda de aislamiento — orden nº 7");
        assertThat(canonical.length - new Chain().canonical(ENTRY).length)
                .isEqualTo(reason.length - "cell repair".length());
    }

    @Test
    void theStreamingFormWritesTheSameBytesAsTheStringForm() {
        var chain = new Chain();
        byte[] previous = chain.link(Chain.genesis(), ENTRY);
        chain.start(ENTRY.seq(), ENTRY.id(), ENTRY.recordedAtMicros());
        for (String text : new String[] {ENTRY.actor(), ENTRY.actorRoles(), ENTRY.action(), ENTRY.subjectType(),
                ENTRY.subjectId(), ENTRY.facility(), null, ENTRY.details(), ENTRY.requestId()}) {
            chain.addText(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] streamed = new byte[Chain.HASH_LENGTH];
        chain.finish(previous, streamed);
        assertThat(streamed).isEqualTo(new Chain().link(previous, with(ENTRY, 9, null)));
    }

    @Test
    void aStreamedEntryWithAFieldMissingIsRefused() {
        var chain = new Chain();
        chain.start(1, ENTRY.id(), 0);
        chain.addText(new byte[0]);
        assertThatThrownBy(() -> chain.finish(Chain.genesis(), new byte[32]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLongEntryGrowsTheBuffer() {
        String details = "{\"note\": \"" + "x".repeat(100_000) + "\"}";
        byte[] canonical = new Chain().canonical(with(ENTRY, 10, details));
        assertThat(canonical.length).isGreaterThan(100_000);
    }

    /** {@code entry} with field {@code index} (in canonical order, seq = 0) replaced. */
    private static EntryContent with(EntryContent e, int index, String value) {
        return new EntryContent(index == 0 ? Long.parseLong(value) : e.seq(),
                index == 1 ? UUID.fromString("00000000-0000-0000-0000-000000000001") : e.id(),
                index == 2 ? Long.parseLong(value) : e.recordedAtMicros(),
                index == 3 ? value : e.actor(), index == 4 ? value : e.actorRoles(), index == 5 ? value : e.action(),
                index == 6 ? value : e.subjectType(), index == 7 ? value : e.subjectId(),
                index == 8 ? value : e.facility(), index == 9 ? value : e.reason(),
                index == 10 ? value : e.details(), index == 11 ? value : e.requestId());
    }
}
