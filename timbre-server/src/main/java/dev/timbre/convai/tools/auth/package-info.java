/**
 * Workspace auth connections for webhook tools ({@code api_schema.auth_connection: {"auth_connection_id": …}}).
 * The OpenAPI references connections by id but has no endpoint that creates them; Timbre keeps them in the ConvAI
 * settings document ({@code PATCH /v1/convai/settings}, field {@code workspace_auth_connections}: id → connection),
 * checked by {@code AuthConnectionChecks}. Kinds: {@code basic} (username, password), {@code bearer} (token) and
 * {@code oauth2_client_credentials} (token_url, client_id, client_secret, optional scopes and extra_params). Every
 * credential is a workspace secret locator {@code {"secret_id": …}} (convai.secrets), so GET responses show ids only.
 * {@code AuthConnections} turns a connection into request headers; OAuth2 tokens are fetched through the outbound
 * policy, cached until shortly before they expire and refreshed on demand (the webhook runner refreshes once after a
 * 401). Depends on nothing of the server but the outbound policy and the JSON mapper.
 */
package dev.timbre.convai.tools.auth;
