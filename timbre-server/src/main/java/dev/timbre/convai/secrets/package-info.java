/**
 * {@code /v1/convai/secrets}: workspace secrets (API keys for webhook tools, custom LLMs…), encrypted at rest and
 * never returned by the API.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.secrets.SecretsRoutes}: list, create ({@code type} "new"), get, update
 *       ({@code type} "update"), delete.</li>
 *   <li>{@link dev.timbre.convai.secrets.SecretsService}: responses carry id and name only, with {@code used_by};
 *       a secret in use cannot be deleted (400 {@code secret_in_use}); unknown id 404 {@code secret_not_found}.
 *       {@code value(id)} returns the plain value, for the runtime only (webhook headers, custom LLM keys).</li>
 *   <li>{@link dev.timbre.convai.secrets.SecretCipher}: AES-256-GCM; the key is 32 random bytes in
 *       {@code <data>/secrets.key}, created owner-read/write only; a ciphertext is base64(12-byte nonce + GCM
 *       output). {@code derivedKey(purpose)} = HMAC-SHA256(key, purpose): stable across restarts (conversation URL
 *       signatures), never the encryption key itself.</li>
 *   <li>{@link dev.timbre.convai.secrets.SecretDependents}: finds {@code {"secret_id": …}} locators in workspace
 *       tools, agents and the settings' initiation webhook.</li>
 *   <li>{@link dev.timbre.convai.secrets.SecretRepository}: table {@code convai_secrets} (V7), creation order; rows
 *       hold only ciphertext ({@link dev.timbre.convai.secrets.StoredSecret}).</li>
 * </ul>
 *
 * <p>Losing {@code secrets.key} makes every stored value unreadable. Thread-safe.
 */
package dev.timbre.convai.secrets;
