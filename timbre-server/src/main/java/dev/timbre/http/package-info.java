/**
 * The HTTP layer every API area shares: the Javalin server with its cross-cutting concerns, authentication, request
 * parsing and ElevenLabs-shaped errors. Areas only add {@code …Routes} groups; none configures Javalin itself.
 *
 * <ul>
 *   <li>{@link dev.timbre.http.ApiServer}: Javalin on Jetty with virtual threads (a handler may block), given the
 *       list of {@link dev.timbre.http.ApiServer.Mount}s by {@code Timbre}; CORS for any host; declared bodies over
 *       the limit are refused before being read (JSON 2 MiB / multipart 100 MiB by default, 413); WebSockets idle out
 *       after 200 s, text messages ≤ 4 MiB.</li>
 *   <li>{@link dev.timbre.http.RequestTracking}: an {@code x-request-id} on every response, one access-log line, and
 *       the timer {@code timbre.http.requests{method,route,status}} (route = the template, never an id); when tracing
 *       is on ({@code dev.timbre.tracing}), {@code RequestTracing}'s server span per request, continuing an incoming
 *       {@code traceparent}, current on the handler's thread, its {@code trace_id} in the logging MDC.</li>
 *   <li>{@link dev.timbre.http.ApiKeyAuth}: {@code /v1} and {@code /v2} need {@code xi-api-key} or
 *       {@code Authorization: Bearer <key>} (401 {@code needs_authorization} / {@code invalid_api_key} /
 *       {@code api_key_disabled}), holding the permission {@code access.RoutePermissions} gives the route (401
 *       {@code missing_permissions}, "The API key you used is missing the permission X to execute this operation.");
 *       routes read the request's {@code access.Caller} with {@code ApiKeyAuth.caller(ctx)} to charge it.
 *       {@code /health} and {@code /metrics} do not. WebSocket upgrades may carry the key in the header or query
 *       ({@code xi_api_key}, {@code authorization}); without one the socket's first message must
 *       ({@code authorize(key, permission)}).</li>
 *   <li>{@link dev.timbre.http.ApiException} + {@link dev.timbre.http.ErrorBodies}: every failure becomes
 *       {@code {"detail": {"status": code, "message": …}}}, validation errors the 422 list
 *       {@code {"detail": [{loc, msg, type}]}}; {@code Retry-After} when set; malformed JSON → 422 with {@code loc}
 *       into the body; unknown route 404, wrong method 405; anything unexpected a logged 500 {@code internal_error}
 *       with the request id and no internals. {@code useShape} lets another API's routes (the OpenAI alias) write
 *       its own error shape for every error of the request, auth included. {@link dev.timbre.http.JettyErrors}
 *       does the same for requests Jetty rejects before routing.</li>
 *   <li>{@link dev.timbre.http.Params} (query/form values → 422 with FastAPI-style {@code loc}; {@code id} admits
 *       only {@code [A-Za-z0-9_-]{1,64}} path ids, else 404), {@link dev.timbre.http.JsonBody} (body → record, 422),
 *       {@link dev.timbre.http.MultipartForm} (in memory, 400 when unparsable, 413 over the limit).</li>
 *   <li>{@link dev.timbre.http.Json}: the one mapper: snake_case, unknown fields ignored, nulls written.
 *       {@link dev.timbre.http.MediaType}: exact binary content types (no {@code ;charset=utf-8}).</li>
 * </ul>
 *
 * <p>Rule: bad input is a 4xx with an ElevenLabs body, never a 500; a route throws {@code ApiException} and never
 * writes error bodies itself.
 */
package dev.timbre.http;
