/**
 * The workspace's API keys: storage and the bootstrap admin key. Checking keys on requests is
 * {@code dev.timbre.http.ApiKeyAuth}; this package only stores them.
 *
 * <ul>
 *   <li>{@link dev.timbre.workspace.ApiKeyRepository}: table {@code api_keys}; keys are stored and looked up by their
 *       SHA-256 hash (hex) with a 4-character hint; the plain key never reaches the database. {@code ensure} is
 *       idempotent.</li>
 *   <li>{@link dev.timbre.workspace.BootstrapKey}: at start-up, {@code TIMBRE_API_KEY} (or {@code api_key} in the
 *       config) when given; otherwise the key in {@code <data>/admin-api-key}; otherwise a new {@code sk_} + 48 hex
 *       characters, written atomically to that file with owner-only permissions, printed once
 *       ({@code TIMBRE_API_KEY=…}) and logged.</li>
 * </ul>
 */
package dev.timbre.workspace;
