package dev.timbre.convai.secrets;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import java.time.Clock;

/** Workspace secrets: values are encrypted at rest and never returned by the API; {@link #value} is for the runtime. */
public final class SecretsService {
    private final SecretRepository repository;
    private final SecretCipher cipher;
    private final SecretDependents dependents;
    private final Clock clock;

    public SecretsService(SecretRepository repository, SecretCipher cipher, SecretDependents dependents, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.dependents = dependents;
        this.clock = clock;
    }

    public SecretResponse create(String name, String value) {
        long now = clock.instant().getEpochSecond();
        StoredSecret s = new StoredSecret(Ids.random(), name, cipher.encrypt(value), now, now);
        repository.insert(s);
        return new SecretResponse(s.secretId(), s.name());
    }

    /** All secrets without values, each with what uses it. */
    public SecretsPage list() {
        return new SecretsPage(repository.list().stream()
                .map(s -> new SecretsPage.Secret("stored", s.secretId(), s.name(), dependents.of(s.secretId()))).toList());
    }

    /** {@code ConvAIWorkspaceStoredSecretConfig} of one secret, without its value; 404 when there is no such secret. */
    public SecretsPage.Secret get(String secretId) {
        StoredSecret s = stored(secretId);
        return new SecretsPage.Secret("stored", s.secretId(), s.name(), dependents.of(s.secretId()));
    }

    public SecretResponse update(String secretId, String name, String value) {
        StoredSecret old = stored(secretId);
        StoredSecret s = new StoredSecret(secretId, name, cipher.encrypt(value), old.createdAtUnix(), clock.instant().getEpochSecond());
        if (!repository.update(s)) throw notFound(secretId);
        return new SecretResponse(secretId, name);
    }

    /** Deletes a secret that nothing uses (the seed: "if it's not in use"); one in use is a 400 {@code secret_in_use}. */
    public void delete(String secretId) {
        stored(secretId);
        SecretsPage.UsedBy used = dependents.of(secretId);
        if (!used.tools().isEmpty() || !used.agents().isEmpty() || !used.others().isEmpty() || !used.phoneNumbers().isEmpty()) {
            throw ApiException.badRequest("secret_in_use", "Secret with id '" + secretId + "' is in use and cannot be deleted");
        }
        if (!repository.delete(secretId)) throw notFound(secretId);
    }

    /** The plain value, for the runtime that calls webhook tools; 404 when there is no such secret. */
    public String value(String secretId) {
        return cipher.decrypt(stored(secretId).encryptedValue());
    }

    private StoredSecret stored(String secretId) {
        return repository.find(secretId).orElseThrow(() -> notFound(secretId));
    }

    static ApiException notFound(String secretId) {
        return ApiException.notFound("secret_not_found", "Secret with id '" + secretId + "' not found");
    }
}
