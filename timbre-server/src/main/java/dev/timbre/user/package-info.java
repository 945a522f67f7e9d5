/**
 * {@code /v1/user} and {@code /v1/user/subscription}: the single account of this installation and its character
 * accounting.
 *
 * <ul>
 *   <li>{@link dev.timbre.user.UserRoutes}: both GETs; the user body shows only a 4-character hint of the caller's
 *       key.</li>
 *   <li>{@link dev.timbre.user.UserService}: {@code charge(characters)} is the one way to spend characters (text
 *       to speech and dialogue charge just before their first audio is sent): atomic and all-or-nothing against the
 *       limit; over it → 401 {@code quota_exceeded}, nothing charged. Account fields come from {@code config.Account} (limit
 *       100 000 000 characters by default, tier {@code self_hosted}); voice slots used = stored voices, limit 10 000;
 *       never an overage.</li>
 *   <li>{@link dev.timbre.user.UsageRepository}: the one row {@code 'workspace'} of {@code workspace_usage}; every
 *       change runs in a transaction holding its row lock ({@code SELECT … FOR UPDATE}), so concurrent charges on any
 *       node never lose an update or pass the limit; an ended period rolls over (count 0, next reset one month on)
 *       inside the same lock.</li>
 *   <li>{@link dev.timbre.user.SubscriptionResponse}, {@link dev.timbre.user.UserResponse}: the wire shapes, with the
 *       fields the official SDK requires beyond the OpenAPI document ({@code max_credit_limit_extension},
 *       {@code open_invoices}, {@code current_overage}…). {@link dev.timbre.user.Charge}: the count before and after.</li>
 * </ul>
 */
package dev.timbre.user;
