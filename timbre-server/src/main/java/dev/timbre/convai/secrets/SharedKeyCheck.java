package dev.timbre.convai.secrets;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes sure every node on one database encrypts secrets with the same key: the first node to start records its key's
 * fingerprint ({@code installation_facts}); a node whose key has another fingerprint refuses to start, saying to set
 * {@code TIMBRE_SECRET_KEY} alike everywhere — otherwise secrets one node stored could not be read by another, and
 * conversation URLs one node signed would not open on another.
 */
public final class SharedKeyCheck {
    static final String FACT = "secret_key_fingerprint";

    private SharedKeyCheck() {}

    /** Records or compares {@code cipher}'s fingerprint; throws {@link IllegalStateException} on a mismatch. */
    public static void verify(Jdbi jdbi, SecretCipher cipher) {
        String mine = cipher.fingerprint();
        Optional<String> recorded = read(jdbi);
        if (recorded.isEmpty()) {
            try {
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO installation_facts (fact_name, fact_value) VALUES (:n, :v)")
                        .bind("n", FACT).bind("v", mine).execute());
                return;
            } catch (RuntimeException raced) {
                recorded = read(jdbi); // another node inserted first: compare with its key
                if (recorded.isEmpty()) throw raced;
            }
        }
        if (!recorded.get().equals(mine)) {
            throw new IllegalStateException("This node's secret key is not the one the database's other nodes use: set "
                    + "TIMBRE_SECRET_KEY (base64 of 32 bytes) to the same value on every node, or copy the first node's "
                    + "<data>/secrets.key here.");
        }
    }

    private static Optional<String> read(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT fact_value FROM installation_facts WHERE fact_name = :n").bind("n", FACT)
                .mapTo(String.class).findOne());
    }
}
