package org.habeas.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;

import org.habeas.common.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint signing key: where it comes from, how it signs, and what verification trusts. */
class JournalKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void aCheckpointSignatureVerifiesOnlyForTheTextItWasMadeFor() {
        var key = JournalKey.generate();
        byte[] head = new byte[32];
        Instant sealedAt = Instant.parse("2025-01-31T08:00:00.123456789Z");
        var checkpoint = new Checkpoint(1_000, head, sealedAt, key.id(),
                key.sign(Checkpoint.signedText(1_000, head, sealedAt, key.id())));
        var verifier = key.verifier();
        assertThat(verifier.verifies(checkpoint.signedText(), checkpoint.signature())).isTrue();

        assertThat(verifier.verifies(Checkpoint.signedText(1_001, head, sealedAt, key.id()), checkpoint.signature()))
                .as("another position").isFalse();
        byte[] otherHead = head.clone();
        otherHead[0] = 1;
        assertThat(verifier.verifies(Checkpoint.signedText(1_000, otherHead, sealedAt, key.id()),
                checkpoint.signature())).as("another head").isFalse();
        assertThat(JournalKey.generate().verifier().verifies(checkpoint.signedText(), checkpoint.signature()))
                .as("another key").isFalse();
        assertThat(verifier.verifies(checkpoint.signedText(), new byte[3])).as("garbage").isFalse();
    }

    @Test
    void theSignedTextKeepsMicrosecondsLikePostgres() {
        byte[] head = new byte[32];
        assertThat(new String(Checkpoint.signedText(7, head, Instant.parse("2025-01-31T08:00:00.123456789Z"), "k")))
                .isEqualTo("habeas-journal-checkpoint/1\n7\n" + "00".repeat(32) + "\n1738310400123456\nk\n");
    }

    @Test
    void withoutConfigurationAKeyFileIsCreatedForTheOwnerOnlyAndReused() throws Exception {
        var data = new DataDirectory(dataDir);
        var first = JournalKey.load("", "", data);
        Path file = dataDir.resolve(JournalKey.KEY_FILE);
        assertThat(file).exists();
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

        var again = JournalKey.load(null, null, data);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
        byte[] text = "checkpoint".getBytes();
        assertThat(first.verifier().verifies(text, again.sign(text))).isTrue();
    }

    @Test
    void aConfiguredKeyWinsAndItsPublicKeyIsDerived() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String configured = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        var key = JournalKey.load(configured, "", new DataDirectory(dataDir));
        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(key.id()).isEqualTo(JournalKey.keyId(pair.getPublic())).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(dataDir.resolve(JournalKey.KEY_FILE)).doesNotExist();
    }

    @Test
    void aPinnedPublicKeyMustMatch() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String configured = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String pinned = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        assertThat(JournalKey.load(configured, pinned, new DataDirectory(dataDir)).id())
                .isEqualTo(JournalKey.keyId(pair.getPublic()));

        String someoneElses = Base64.getEncoder().encodeToString(JournalKey.generate().publicKey().getEncoded());
        assertThatThrownBy(() -> JournalKey.load(configured, someoneElses, new DataDirectory(dataDir)))
                .hasMessageContaining("does not match");
    }

    @Test
    void aBrokenKeyStopsTheStartWithoutShowingTheKey() {
        assertThatThrownBy(() -> JournalKey.load("bm90LWEta2V5LXNlY3JldA==", "", new DataDirectory(dataDir)))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("bm90LWEta2V5LXNlY3JldA==");
    }
}
