package dev.timbre.convai.secrets;

/** A row of {@code convai_secrets}; {@code encryptedValue} is {@link SecretCipher} output, never the plain value. */
public record StoredSecret(String secretId, String name, String encryptedValue, long createdAtUnix, long updatedAtUnix) {}
