/**
 * The relational store every repository uses: connection pool, schema migrations and Jdbi.
 *
 * <p>{@link dev.timbre.db.Database}: {@code open(config, dataDir)} builds a HikariCP pool ({@code timbre-db}, at most
 * 10 connections), runs the Flyway migrations of {@code src/main/resources/db/migration} ({@code V1__api_keys} …
 * {@code V27__scheduled_tasks}; a migration failure closes the pool and fails start-up) and exposes {@code jdbi()}, where
 * records map from snake_case columns by their constructor, and {@code dataSource()} (the same pool) for
 * {@code jobs.Jobs}. No URL configured → the embedded H2 file database
 * {@code <data>/db/timbre} in PostgreSQL mode ({@code DATABASE_TO_LOWER}, nulls sort high), so one SQL dialect serves
 * H2 and PostgreSQL. The embedded database's folder and files are made owner-only (where POSIX permissions exist),
 * before and after opening. The embedded URL sets {@code WRITE_DELAY=0}: a commit is in the file when it returns, so
 * a {@code kill -9} loses no committed row (H2's default delay of 500 ms lost the last ones; found by the crash test).
 * It also sets {@code DB_CLOSE_ON_EXIT=FALSE}: {@code Timbre.close} closes the pool last, so H2's own shutdown hook
 * no longer closes the database under the job scheduler's last poll.
 * {@code healthy()} runs {@code SELECT 1} for {@code /health}.
 *
 * <p>Contracts: Flyway checksums applied migrations, so a change is a new {@code V<n>__name.sql}, never an edit;
 * each must run on both databases. SQL lives only in {@code …Repository} classes of the feature packages. The
 * {@code Database} is owned and closed by {@code Timbre}; {@code Jdbi} is thread-safe.
 */
package dev.timbre.db;
