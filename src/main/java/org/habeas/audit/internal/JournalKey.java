package org.habeas.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.habeas.common.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key that signs journal checkpoints. Its id is the first 16 hex digits of the SHA-256 of the public
 * key (X.509 form). Verification trusts this public key only, never a key found in the database.
 *
 * <p>The private key is never logged and never leaves this class except to sign.
 */
public final class JournalKey {

    /** The key file kept in the data directory when no key is configured (embedded mode). */
    public static final String KEY_FILE = "journal-signing-key.pem";

    private static final Logger log = LoggerFactory.getLogger(JournalKey.class);
    private static final String ALGORITHM = "Ed25519";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;

    public JournalKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.id = keyId(publicKey);
    }

    /**
     * The configured key ({@code habeas.journal.signing-key}, base64 PKCS#8, PEM armour optional) or else the one
     * in the data directory, created on first start with owner-only permissions. When {@code pinnedPublicKey}
     * (base64 X.509) is given, the private key must belong to it, so a swapped key file stops the start.
     */
    public static JournalKey load(String configuredPrivateKey, String pinnedPublicKey, DataDirectory data) {
        boolean configured = configuredPrivateKey != null && !configuredPrivateKey.isBlank();
        Path file = data.resolve(KEY_FILE);
        String encoded = configured ? configuredPrivateKey : readOrCreate(file);
        String source = configured ? "habeas.journal.signing-key" : file.toString();
        var key = new JournalKey(pairOf(decodePrivate(encoded, source)));
        if (pinnedPublicKey != null && !pinnedPublicKey.isBlank()
                && !MessageDigest.isEqual(key.publicKey.getEncoded(), base64(pinnedPublicKey))) {
            throw new IllegalStateException("the journal signing key does not match habeas.journal.public-key");
        }
        log.info("Journal checkpoints are signed with key {} (public key, X.509 base64: {})", key.id,
                Base64.getEncoder().encodeToString(key.publicKey.getEncoded()));
        return key;
    }

    public static JournalKey generate() {
        try {
            return new JournalKey(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    public String id() {
        return id;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a journal checkpoint", e);
        }
    }

    /** A reusable verifier for many signatures; not thread-safe, like {@link Signature} itself. */
    public Verifying verifier() {
        try {
            return new Verifying(Signature.getInstance(ALGORITHM), publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    public static String keyId(PublicKey key) {
        try {
            return Chain.hex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(base64(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("habeas.journal.public-key is not a base64 X.509 Ed25519 key", e);
        }
    }

    /** The PKCS#8 private key in PEM armour, as kept in the key file. */
    static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    public static final class Verifying {

        private final Signature signature;
        private final PublicKey key;

        private Verifying(Signature signature, PublicKey key) {
            this.signature = signature;
            this.key = key;
        }

        public boolean verifies(byte[] message, byte[] signatureBytes) {
            try {
                signature.initVerify(key);
                signature.update(message);
                return signature.verify(signatureBytes);
            } catch (GeneralSecurityException e) {
                return false;   // a malformed signature is a bad signature, not a crash of the verification
            }
        }
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                warnIfReadableByOthers(file);
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            String pem = pem(generate().privateKey);
            createOwnerOnly(file);
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            log.info("Created a journal signing key in {}; back it up, checkpoints can only be verified with it",
                    file);
            return pem;
        } catch (FileAlreadyExistsException raced) {
            return readOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the journal signing key " + file, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                log.warn("The journal signing key {} is readable by others; restrict it to its owner (chmod 600)",
                        file);
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Nothing to check on this file system.
        }
    }

    private static PrivateKey decodePrivate(String encoded, String source) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(base64(encoded)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The message names where the key came from, never the value.
            throw new IllegalStateException("the journal signing key in " + source
                    + " is not a base64 PKCS#8 Ed25519 private key");
        }
    }

    /**
     * The JDK has no public call that derives an Ed25519 public key from the private one, but its key generator
     * takes the 32 private bytes from the random source it is given. Feeding it those bytes regenerates the pair;
     * a test signature proves the result, so a different JDK implementation fails the start instead of signing
     * with a key nobody can verify.
     */
    private static KeyPair pairOf(PrivateKey privateKey) {
        try {
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the journal signing key has no key bytes"));
            var generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            var pair = new KeyPair(generator.generateKeyPair().getPublic(), privateKey);
            byte[] probe = "habeas-journal-key-check".getBytes(StandardCharsets.US_ASCII);
            if (!new JournalKey(pair).verifier().verifies(probe, new JournalKey(pair).sign(probe))) {
                throw new IllegalStateException("cannot derive the journal public key on this Java runtime");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the journal public key", e);
        }
    }

    private static byte[] base64(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
