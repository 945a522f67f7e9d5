/**
 * {@code /v1/user}, {@code /v1/user/subscription} and {@code /v1/usage/character-stats}: the single account of this
 * installation, its character accounting and its usage statistics.
 *
 * <ul>
 *   <li>{@link dev.timbre.user.UserRoutes}: both GETs; the user body shows only a 4-character hint of the caller's
 *       key.</li>
 *   <li>{@link dev.timbre.user.UserService}: {@code charge(caller, characters, chargedFor)} is the one way to spend
 *       characters (text to speech, dialogue, the OpenAI alias and stream-input sockets charge just before their first
 *       audio is sent; agent speech charges nothing): atomic and all-or-nothing against the workspace's limit and the
 *       caller key's own {@code character_limit}; over either → 401 {@code quota_exceeded}, nothing charged. Account fields come from {@code config.Account} (limit
 *       100 000 000 characters by default, tier {@code self_hosted}); voice slots used = stored voices, limit 10 000;
 *       never an overage.</li>
 *   <li>{@link dev.timbre.user.UsageRepository}: the one row {@code 'workspace'} of {@code workspace_usage}; every
 *       change runs in a transaction holding its row lock ({@code SELECT … FOR UPDATE}), so concurrent charges on any
 *       node never lose an update or pass the limit; an ended period rolls over (count 0, next reset one month on)
 *       inside the same lock. Each charge is also a row of {@code character_usage} (time in ms, key, product, voice,
 *       model); a key's count is its rows since the period began, summed under the same lock.</li>
 *   <li>{@link dev.timbre.user.UsageRoutes} → {@link dev.timbre.user.CharacterStats} →
 *       {@link dev.timbre.user.CharacterStatsRepository}: {@code character_usage} summed into buckets that start at
 *       {@code start_unix} (ms): hour, day, week, calendar month (UTC), {@code aggregation_bucket_size} seconds, or
 *       cumulative; at most 10 000 buckets (422 beyond). Breakdowns {@code none} ({@code "All"}), {@code voice},
 *       {@code model}, {@code api_keys}/{@code all_api_keys} (key ids), {@code product_type}, {@code has_api_key};
 *       metrics {@code credits} (characters) and {@code request_count}. Other enum values are a 422 naming what is
 *       available. One user: the caller's usage is the workspace's.</li>
 *   <li>{@link dev.timbre.user.SubscriptionResponse}, {@link dev.timbre.user.UserResponse}: the wire shapes, with the
 *       fields the official SDK requires beyond the OpenAPI document ({@code max_credit_limit_extension},
 *       {@code open_invoices}, {@code current_overage}…). {@link dev.timbre.user.Charge}: the count before and after.</li>
 * </ul>
 */
package dev.timbre.user;
