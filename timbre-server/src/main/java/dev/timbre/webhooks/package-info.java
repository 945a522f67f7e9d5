/**
 * Outgoing webhooks, shared by speech-to-text jobs and post-call webhooks: signing and one-shot delivery. Queues,
 * retries across restarts and targets belong to the callers.
 *
 * <ul>
 *   <li>{@link dev.timbre.webhooks.WebhookSignature}: ElevenLabs' header
 *       {@code ElevenLabs-Signature: t=<unix seconds>,v0=<lowercase hex HMAC-SHA256(secret, "t.body")>}, over exactly
 *       the bytes sent (string or stream).</li>
 *   <li>{@link dev.timbre.webhooks.WebhookSender}: {@code send} is one signed JSON POST (signed only when the webhook
 *       has a secret; timestamp = send time) and returns null when the answer was 2xx, else a failure text (status,
 *       timeout, refused…); it never throws for delivery failures. Connect timeout 10 s, whole request 30 s by
 *       default. A {@code StreamedBody} (too large for one string) is read once for the signature, then sent again
 *       over HTTP/1.1 with {@code Transfer-Encoding: chunked}. {@code deliver} retries on the calling thread with a
 *       doubling pause.</li>
 *   <li>{@link dev.timbre.webhooks.Base64EncodingStream}: encodes a stream as standard Base64 in 48 KiB blocks, so a
 *       recording goes into a JSON body without being held in memory; closing it closes the source.</li>
 * </ul>
 *
 * <p>Threading: the sender is thread-safe and blocks its caller for the whole request (callers run it on their own
 * worker pools); the stream is single-threaded.
 */
package dev.timbre.webhooks;
