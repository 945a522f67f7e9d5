package dev.timbre.workspace;

import dev.timbre.access.Caller;
import dev.timbre.access.CallerLookup;
import dev.timbre.access.Permission;
import dev.timbre.common.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code api_keys}. Keys are looked up by their SHA-256 hash; the plain key never reaches the database.
 * {@code permissions} is stored as comma-separated wire names, NULL for all. Thread-safe.
 */
public final class ApiKeyRepository implements CallerLookup {
    private static final String COLUMNS = "id, name, key_hint, is_admin, created_at, service_account_user_id, permissions, "
            + "character_limit, is_disabled";
    private final Jdbi jdbi;

    public ApiKeyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored key (never its secret). {@code permissions} null: all. */
    public record ApiKey(String id, String name, String keyHint, boolean isAdmin, long createdAt, String serviceAccountUserId,
                         String permissions, Long characterLimit, boolean isDisabled) {
        public Set<Permission> permissionSet() {
            if (permissions == null) return null;
            Set<Permission> set = EnumSet.noneOf(Permission.class);
            Arrays.stream(permissions.split(",")).filter(s -> !s.isEmpty()).forEach(s -> Permission.parse(s).ifPresent(set::add));
            return set;
        }

        public Caller caller() {
            return new Caller(id, permissionSet(), characterLimit, isDisabled);
        }
    }

    public static String hash(String key) {
        return HexFormat.of().formatHex(Ids.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** A short, non-secret reminder of a key: its first 3 and last 4 characters. */
    static String hint(String key) {
        return key.length() < 12 ? key.substring(0, Math.min(3, key.length())) + "…" : key.substring(0, 3) + "…" + key.substring(key.length() - 4);
    }

    /** Stored form of a permission set: comma-separated wire names, null for all. */
    static String store(Set<Permission> permissions) {
        return permissions == null ? null : permissions.stream().sorted().map(Permission::wire).collect(Collectors.joining(","));
    }

    @Override
    public Optional<Caller> find(String plainKey) {
        return findByKey(plainKey).map(ApiKey::caller);
    }

    public Optional<ApiKey> findByKey(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .bind("hash", hash(key)).mapTo(ApiKey.class).findOne());
    }

    public Optional<ApiKey> find(String serviceAccountId, String keyId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id AND service_account_user_id = :sa")
                .bind("id", keyId).bind("sa", serviceAccountId).mapTo(ApiKey.class).findOne());
    }

    /** The service account's keys, oldest first. */
    public List<ApiKey> list(String serviceAccountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE service_account_user_id = :sa ORDER BY created_at, id")
                .bind("sa", serviceAccountId).mapTo(ApiKey.class).list());
    }

    /** Stores a new service-account key under the hash of {@code plainKey}. */
    public ApiKey create(String plainKey, String serviceAccountId, String name, Set<Permission> permissions, Long characterLimit, long nowUnix) {
        ApiKey k = new ApiKey(Ids.random(), name, hint(plainKey), false, nowUnix, serviceAccountId, store(permissions), characterLimit, false);
        insert(k, plainKey);
        return k;
    }

    /** Changes a service-account key; false when there is no such key. */
    public boolean update(String serviceAccountId, String keyId, String name, Set<Permission> permissions, Long characterLimit, boolean disabled) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_keys SET name = :name, permissions = :permissions, character_limit = :limit, "
                        + "is_disabled = :disabled WHERE id = :id AND service_account_user_id = :sa")
                .bind("name", name).bind("permissions", store(permissions)).bind("limit", characterLimit).bind("disabled", disabled)
                .bind("id", keyId).bind("sa", serviceAccountId).execute()) == 1;
    }

    /** Removes a service-account key; false when there is no such key. */
    public boolean delete(String serviceAccountId, String keyId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_keys WHERE id = :id AND service_account_user_id = :sa")
                .bind("id", keyId).bind("sa", serviceAccountId).execute()) == 1;
    }

    /**
     * Makes {@code key} the one bootstrap admin key: stores it (all permissions) unless stored, and removes every
     * other admin key, so a rotated {@code TIMBRE_API_KEY} leaves the old one unusable. One transaction.
     */
    public ApiKey installBootstrap(String key, String name, long nowUnix) {
        return jdbi.inTransaction(h -> {
            String hash = hash(key);
            h.createUpdate("DELETE FROM api_keys WHERE is_admin = TRUE AND key_hash <> :hash").bind("hash", hash).execute();
            Optional<ApiKey> found = h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                    .bind("hash", hash).mapTo(ApiKey.class).findOne();
            if (found.isPresent()) return found.get();
            ApiKey k = new ApiKey(Ids.random(), name, hint(key), true, nowUnix, null, null, null, false);
            h.createUpdate("INSERT INTO api_keys (id, name, key_hash, key_hint, is_admin, created_at) VALUES (:id, :name, :hash, :keyHint, :isAdmin, :createdAt)")
                    .bindMethods(k).bind("hash", hash).execute();
            return k;
        });
    }

    private void insert(ApiKey k, String plainKey) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_keys (" + COLUMNS + ", key_hash) VALUES (:id, :name, :keyHint, :isAdmin, :createdAt, "
                        + ":serviceAccountUserId, :permissions, :characterLimit, :isDisabled, :hash)")
                .bindMethods(k).bind("hash", hash(plainKey)).execute());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_keys").mapTo(Integer.class).one());
    }
}
