/**
 * The API's own documentation: {@code GET /openapi.json} (the ElevenLabs OpenAPI the server implements, cut to the
 * operations it routes, {@code ServedOpenApi}) and {@code GET /docs} (Swagger UI from its webjar reading it). Both are
 * public. The specification is {@code spec/openapi.json}, copied into the jar by the build.
 */
package dev.timbre.apidocs;
