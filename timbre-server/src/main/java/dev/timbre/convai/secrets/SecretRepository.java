package dev.timbre.convai.secrets;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code convai_secrets}, in creation order. */
public final class SecretRepository {
    private static final String COLUMNS = "secret_id, name, encrypted_value, created_at_unix, updated_at_unix";

    private final Jdbi jdbi;

    public SecretRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(StoredSecret s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO convai_secrets (" + COLUMNS + ") VALUES (:secretId, :name, :encryptedValue, "
                + ":createdAtUnix, :updatedAtUnix)").bindMethods(s).execute());
    }

    /** Replaces name and value; true when the row was there. */
    public boolean update(StoredSecret s) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE convai_secrets SET name = :name, encrypted_value = :encryptedValue, "
                + "updated_at_unix = :updatedAtUnix WHERE secret_id = :secretId").bindMethods(s).execute()) > 0;
    }

    public Optional<StoredSecret> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM convai_secrets WHERE secret_id = :id")
                .bind("id", id).mapTo(StoredSecret.class).findOne());
    }

    public List<StoredSecret> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM convai_secrets ORDER BY seq").mapTo(StoredSecret.class).list());
    }

    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM convai_secrets WHERE secret_id = :id").bind("id", id).execute()) > 0;
    }
}
