package dev.timbre.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Identifiers in the ElevenLabs style: 20 characters of [0-9A-Za-z]. */
public final class Ids {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String random() {
        return random(20);
    }

    public static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /** A stable id derived from {@code seed}: the same seed always gives the same id. */
    public static String stable(String seed) {
        byte[] h = sha256(seed.getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder(20);
        for (int i = 0; i < 20; i++) b.append(ALPHABET.charAt((h[i] & 0xff) % ALPHABET.length()));
        return b.toString();
    }

    /** True for ids that are safe in file names and URLs: 1–64 characters of letters, digits, '_' and '-'. */
    public static boolean isSafe(String id) {
        return id != null && id.matches("[A-Za-z0-9_-]{1,64}");
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
