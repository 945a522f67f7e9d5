/**
 * {@code GET /v1/models}: the ElevenLabs model ids this installation serves.
 *
 * <ul>
 *   <li>{@link dev.timbre.models.ModelsRoutes}: the one GET, no parameters.</li>
 *   <li>{@link dev.timbre.models.ModelsService}: the text-to-speech models of {@code dev.timbre.engines.ModelCatalog}
 *       whose bound engine is loaded, in {@code models.yaml} order; {@code languages} are the bound engine's real
 *       languages (ISO 639-1, English names), not ElevenLabs' list.</li>
 *   <li>{@link dev.timbre.models.ModelResponse}: {@code ModelResponseModel}, field for field.</li>
 * </ul>
 *
 * <p>A model whose engine failed or is still loading is simply not listed; which engine serves a model id is
 * configuration ({@code models:}), not code.
 */
package dev.timbre.models;
