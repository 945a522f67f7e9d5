package dev.timbre.convai.settings;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code convai_settings}: one JSON document per kind. */
public final class SettingsRepository {
    private final Jdbi jdbi;

    public SettingsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<String> find(String kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT body FROM convai_settings WHERE kind = :kind")
                .bind("kind", kind).mapTo(String.class).findOne());
    }

    /** Inserts or replaces the document of {@code kind}. */
    public void put(String kind, String body) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE convai_settings SET body = :body WHERE kind = :kind").bind("kind", kind).bind("body", body).execute();
            if (n == 0) h.createUpdate("INSERT INTO convai_settings (kind, body) VALUES (:kind, :body)").bind("kind", kind).bind("body", body).execute();
        });
    }
}
