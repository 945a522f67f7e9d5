package dev.timbre.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.timbre.common.OwnerOnly;
import dev.timbre.config.TimbreConfig;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool, migrations and Jdbi. The embedded default is an H2 file database under the data dir, in
 * PostgreSQL compatibility mode so that one set of migrations serves both. Close it to release the pool.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.jdbi = Jdbi.create(dataSource);
        // Any record maps from columns by name (snake_case columns to camelCase components).
        jdbi.registerRowMapper((java.lang.reflect.Type type, org.jdbi.v3.core.config.ConfigRegistry config) ->
                type instanceof Class<?> c && c.isRecord()
                        ? java.util.Optional.of(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(c))
                        : java.util.Optional.empty());
    }

    /**
     * Opens the configured database, or the embedded one under {@code dataDir}; the embedded database's folder and
     * files are made owner-only (where the file system has POSIX permissions).
     */
    public static Database open(TimbreConfig.Database cfg, Path dataDir) {
        if (cfg.url() != null && !cfg.url().isBlank()) return open(cfg.url(), cfg.user(), cfg.password(), null);
        Path folder = dataDir.toAbsolutePath().resolve("db");
        try {
            OwnerOnly.createDirectories(folder);
            OwnerOnly.restrict(folder, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot prepare the database folder " + folder, e);
        }
        Database db = open(embeddedUrl(dataDir), cfg.user(), cfg.password(), null);
        try {
            OwnerOnly.restrict(folder, true); // files H2 created just now
        } catch (java.io.IOException e) {
            db.close();
            throw new java.io.UncheckedIOException("cannot restrict the database files in " + folder, e);
        }
        return db;
    }

    /**
     * The embedded H2 database under {@code dataDir}. {@code WRITE_DELAY=0}: each commit is written to the file before
     * it returns (H2's default keeps commits in memory up to 500 ms, so a {@code kill -9} lost the last ones).
     * {@code retry:}: a thread interrupted while H2 writes (a socket's worker stopped with {@code shutdownNow}, a
     * cancelled future) makes the JDK close the file channel; H2 then reopens it and retries, where the plain file
     * system closed the whole database for every request after it ("The database has been closed").
     * {@code DB_CLOSE_ON_EXIT=FALSE}: at a normal stop {@code Timbre.close} (the JVM's shutdown hook) closes the pool
     * after the job scheduler and the workers have stopped; H2's own hook closed the database under them first.
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:retry:" + dataDir.toAbsolutePath().resolve("db").resolve("timbre")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Opens and migrates. {@code schema}, when given, is created if needed and used for everything. */
    public static Database open(String url, String user, String password, String schema) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) hc.setUsername(user);
        if (password != null) hc.setPassword(password);
        hc.setMaximumPoolSize(10);
        hc.setPoolName("timbre-db");
        if (schema != null) hc.setSchema(schema);
        boolean pg = url.startsWith("jdbc:postgresql:");
        if (schema != null) {
            try (var c = java.sql.DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
            }
        }
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
            if (schema != null) flyway.schemas(schema).defaultSchema(schema);
            flyway.load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, pg);
    }

    public Jdbi jdbi() { return jdbi; }

    /** The pool Jdbi uses, for libraries that take a {@code DataSource} (the job scheduler); closed with this. */
    public javax.sql.DataSource dataSource() { return dataSource; }

    public boolean isPostgres() { return postgres; }

    /** True when a trivial query answers. */
    public boolean healthy() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
