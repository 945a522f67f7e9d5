/**
 * Small helpers every feature of the server uses; depends on nothing else of Timbre, so it sits below every
 * feature package (no cycles through the root package).
 *
 * <ul>
 *   <li>{@link dev.timbre.common.Ids}: ElevenLabs-style ids, 20 characters of {@code [0-9A-Za-z]}: {@code random()}
 *       from a {@code SecureRandom}; {@code stable(seed)}, the same id for the same seed (premade voices);
 *       {@code isSafe(id)}, 1–64 letters, digits, {@code _} or {@code -} (safe in file names and URLs);
 *       {@code sha256}.</li>
 *   <li>{@link dev.timbre.common.WorkerPools}: how background pools are made and stopped everywhere:
 *       {@code daemon(name)} threads never keep the JVM alive; {@code stop(pool)} interrupts running tasks, drops
 *       queued ones and waits up to 5 s (durable jobs resume at the next start), keeping the caller's interrupt.</li>
 *   <li>{@link dev.timbre.common.OwnerOnly}: owner-only permissions ({@code rwx------} folders, {@code rw-------}
 *       files) for the data dir, the database and the blobs; a no-op where the file system is not POSIX.</li>
 * </ul>
 *
 * <p>All are stateless and thread-safe.
 */
package dev.timbre.common;
