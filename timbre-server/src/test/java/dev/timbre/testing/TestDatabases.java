package dev.timbre.testing;

import dev.timbre.db.Database;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Databases for repository tests: a fresh embedded H2 file database and a fresh schema in the PostgreSQL at
 * {@code 127.0.0.1:5432/test} (override with {@code TIMBRE_TEST_PG_URL}). When {@code CI=true} PostgreSQL must be
 * reachable; elsewhere its tests are skipped if it is not.
 */
public final class TestDatabases {
    public static final String PG_URL = System.getenv().getOrDefault("TIMBRE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getenv().getOrDefault("TIMBRE_TEST_PG_USER", "postgres");

    private TestDatabases() {}

    public static Database h2() {
        try {
            return Database.open(Database.embeddedUrl(Files.createTempDirectory("timbre-h2")), null, null, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Database postgres() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        try (var c = DriverManager.getConnection(PG_URL, PG_USER, null)) {
            c.isValid(2);
        } catch (java.sql.SQLException e) {
            if (ci) throw new IllegalStateException("PostgreSQL is required when CI=true but is not reachable at " + PG_URL, e);
            Assumptions.abort("PostgreSQL not reachable at " + PG_URL + ": " + e.getMessage());
        }
        String schema = "t_" + dev.timbre.common.Ids.random(12).toLowerCase();
        return Database.open(PG_URL, PG_USER, null, schema);
    }

    /** For {@code @ParameterizedTest @MethodSource("dev.timbre.testing.TestDatabases#both")}: names "h2" and "postgresql". */
    public static Stream<Arguments> both() {
        return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
    }

    public static Database open(String kind) {
        return kind.equals("h2") ? h2() : postgres();
    }
}
