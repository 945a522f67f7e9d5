package dev.timbre.convai.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secret values at rest. The key is 32 random bytes in a file (created owner-read/write only);
 * a ciphertext is base64 of a 12-byte random nonce followed by the GCM output (ciphertext + 16-byte tag).
 */
public final class SecretCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The installation's key: {@code TIMBRE_SECRET_KEY} (base64 of 32 bytes) when set — every node of a cluster must
     * have the same — else the key in {@code keyFile}, created when missing.
     */
    public static SecretCipher fromEnvOrFile(java.util.Map<String, String> env, Path keyFile) {
        String shared = env.get("TIMBRE_SECRET_KEY");
        if (shared == null || shared.isBlank()) return openOrCreate(keyFile);
        byte[] key;
        try {
            key = Base64.getDecoder().decode(shared.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TIMBRE_SECRET_KEY must be base64 (openssl rand -base64 32)");
        }
        if (key.length != 32) throw new IllegalStateException("TIMBRE_SECRET_KEY must be 32 bytes in base64, is " + key.length);
        return new SecretCipher(key);
    }

    /**
     * A fingerprint of the key that reveals nothing of it (HMAC-SHA256 of a fixed text, hex), for checking that the
     * nodes of one database use the same key.
     */
    public String fingerprint() {
        return java.util.HexFormat.of().formatHex(derivedKey("timbre-key-fingerprint"));
    }

    /** The key in {@code keyFile}, created with owner-only permissions when missing. */
    public static SecretCipher openOrCreate(Path keyFile) {
        try {
            if (!Files.exists(keyFile) || Files.size(keyFile) == 0) create(keyFile);
            byte[] key = Files.readAllBytes(keyFile);
            if (key.length != 32) throw new IllegalStateException("secret key file " + keyFile + " must hold 32 bytes, has " + key.length);
            return new SecretCipher(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 32-byte key for another purpose (e.g. signing conversation URLs), derived from this installation's key as
     * HMAC-SHA256(key, purpose): stable across restarts, never the encryption key itself.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Writes a new key whole or not at all: into an owner-only temporary file beside {@code keyFile}, forced to disk,
     * then moved into place atomically. A crash leaves either no key file or a complete one (an empty one left by the
     * older code is replaced: nothing can have been encrypted with it). When another process wins the race, its key is
     * used.
     */
    private static void create(Path keyFile) throws IOException {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, keyFile.getFileName().toString(), ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, keyFile.getFileName().toString(), ".part");
        }
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(key));
                out.force(true);
            }
            if (Files.exists(keyFile) && Files.size(keyFile) == 0) Files.delete(keyFile);
            Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another process created it first; use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[NONCE_BYTES + out.length];
            System.arraycopy(nonce, 0, all, 0, NONCE_BYTES);
            System.arraycopy(out, 0, all, NONCE_BYTES, out.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String encoded) {
        try {
            byte[] all = Base64.getDecoder().decode(encoded);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted with this key", e);
        }
    }
}
