package dev.timbre.workspace;

import dev.timbre.common.Ids;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code api_keys}. Keys are looked up by their SHA-256 hash; the plain key never reaches the database. */
public final class ApiKeyRepository {
    private final Jdbi jdbi;

    public ApiKeyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record ApiKey(String id, String name, String keyHint, boolean isAdmin, long createdAt) {}

    public static String hash(String key) {
        return HexFormat.of().formatHex(Ids.sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public Optional<ApiKey> findByKey(String key) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, key_hint, is_admin, created_at FROM api_keys WHERE key_hash = :hash")
                .bind("hash", hash(key))
                .mapTo(ApiKey.class)
                .findOne());
    }

    /** Stores the key unless a key with the same hash exists; returns the stored record either way. */
    public ApiKey ensure(String key, String name, boolean admin) {
        return findByKey(key).orElseGet(() -> {
            ApiKey k = new ApiKey(Ids.random(), name, key.substring(0, Math.min(4, key.length())) + "…", admin, System.currentTimeMillis() / 1000);
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, name, key_hash, key_hint, is_admin, created_at) "
                            + "VALUES (:id, :name, :hash, :keyHint, :isAdmin, :createdAt)")
                    .bindMethods(k).bind("hash", hash(key)).execute());
            return k;
        });
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_keys").mapTo(Integer.class).one());
    }
}
