/**
 * Who may call what: the API-key permissions of the OpenAPI and the one table that assigns each route its
 * permission. Depends on nothing else in Timbre, so HTTP plumbing, key storage and charging all use it.
 *
 * <ul>
 *   <li>{@link dev.timbre.access.Permission}: the OpenAPI's permission names ({@code text_to_speech},
 *       {@code voices_read}…); a key holds a set of them or all of them ({@code "all"}).</li>
 *   <li>{@link dev.timbre.access.Caller}: the key a request was made with: id, permissions, character limit,
 *       disabled. Immutable; safe to share between threads.</li>
 *   <li>{@link dev.timbre.access.RoutePermissions}: the route → permission table. Rules by path prefix, split into
 *       reads ({@code GET}, {@code HEAD}, WebSocket) and writes, plus exact overrides. A route no rule covers
 *       has no permission and only an {@code all} key may call it; {@code RoutePermissionsApiTest} fails for any
 *       routed endpoint without a rule.</li>
 *   <li>{@link dev.timbre.access.CallerLookup}: plain key → caller, implemented by the key store.</li>
 * </ul>
 */
package dev.timbre.access;
