/**
 * The workspace's API keys and service accounts: storage, the bootstrap admin key, and
 * {@code /v1/service-accounts}. Checking keys on requests is {@code dev.timbre.http.ApiKeyAuth} with the
 * {@code dev.timbre.access} table; this package stores and manages them.
 *
 * <ul>
 *   <li>{@link dev.timbre.workspace.ApiKeyRepository}: table {@code api_keys}; keys are stored and looked up by their
 *       SHA-256 hash (hex) with a hint (first 3 and last 4 characters); the plain key never reaches the database.
 *       Each key has permissions (NULL = all), a character limit (NULL = none), a disabled flag, and a service
 *       account (NULL for the bootstrap admin key). It is the {@code CallerLookup} of {@code ApiKeyAuth}.</li>
 *   <li>{@link dev.timbre.workspace.BootstrapKey}: at start-up, {@code TIMBRE_API_KEY} (or {@code api_key} in the
 *       config) when given; otherwise the key in {@code <data>/admin-api-key}; otherwise a new {@code sk_} + 48 hex
 *       characters, written atomically to that file with owner-only permissions and printed once
 *       ({@code TIMBRE_API_KEY=…}). Installing it removes every other admin key in the same transaction: a restart
 *       with a different key rotates it. Service-account keys are untouched.</li>
 *   <li>{@link dev.timbre.workspace.ServiceAccountsRoutes} → {@link dev.timbre.workspace.ServiceAccountsService}:
 *       {@code GET /v1/service-accounts}; {@code GET/POST …/{service_account_user_id}/api-keys};
 *       {@code PATCH/DELETE …/api-keys/{api_key_id}}. One service account, {@code timbre-service-account}, created
 *       by the migration ({@link dev.timbre.workspace.ServiceAccountRepository}); unknown ones are 404
 *       {@code service_account_not_found}, unknown keys 404 {@code api_key_not_found}. A new key's secret
 *       ({@code sk_} + 48 hex) is returned once and never again; bodies are checked by
 *       {@link dev.timbre.workspace.ApiKeyChecks} (422 per field). A key without {@code all} cannot grant a
 *       permission it lacks. {@code character_count} is the key's spending in the current period (from
 *       {@code user.UserService}). PATCH replaces name, permissions, enabled and limit (an absent or null {@code character_limit} removes the
 *       limit); PATCH and DELETE answer {@code {"status":"ok"}}.</li>
 * </ul>
 */
package dev.timbre.workspace;
