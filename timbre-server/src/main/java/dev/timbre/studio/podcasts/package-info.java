/**
 * Studio podcasts ({@code POST /v1/studio/podcasts}): a two-voice conversation (host and guest) or a one-voice
 * bulletin written from text or URL sources (the outbound policy), made into a Studio project of one chapter (one block
 * per line) and converted at once, as any Studio project.
 *
 * <p>Writing: the configured language model, when there is one ({@code convai.llm.LanguageModelAnswers}: asked once
 * for the script as JSON, 90 s at most, the sources cut to 24,000 characters), else — and when the model fails —
 * {@link dev.timbre.studio.podcasts.TemplatePodcast}: the sources' sentences read in turns between an intro and an
 * outro, which reads the source rather than discussing it. {@code duration_scale} sets the length (about 8, 24 or 60
 * lines); {@code intro}, {@code outro}, {@code highlights}, {@code instructions_prompt} and {@code language} are
 * passed to the model (the template uses intro, outro and highlights). The script is written on the request thread.
 */
package dev.timbre.studio.podcasts;
