/**
 * {@code /v1/music}: songs from a prompt or a composition plan, and composition plans from a prompt.
 *
 * <ul>
 *   <li>{@link dev.timbre.music.MusicRoutes}: {@code POST /v1/music} (audio), {@code /stream} (audio, a section at a
 *       time), {@code /detailed} ({@code multipart/mixed}: JSON {@code composition_plan} + {@code song_metadata}, then
 *       the audio with a file name), {@code /plan} (JSON {@code MusicPrompt}); {@code song-id} on compose answers.</li>
 *   <li>{@link dev.timbre.music.MusicService}: checks ({@link dev.timbre.music.PlanChecks}: bounds from the OpenAPI,
 *       every violation a 422 entry naming its field), plans, renders with the embedded composer
 *       ({@code music.compose}, at most 2 renders at once, 429 after 30 s waiting) or forwards to
 *       {@link dev.timbre.music.RemoteMusic} ({@code TIMBRE_MUSIC_URL}, {@code TIMBRE_MUSIC_API_KEY}).</li>
 *   <li>Planning: {@link dev.timbre.music.LanguageModelPlanner} when an LLM is configured, else and on any failure
 *       {@link dev.timbre.music.PromptPlanner} (rules: style words, negations, a song form whose durations add up
 *       exactly); {@code PlanEditor} applies a prompt to a {@code source_composition_plan}.</li>
 *   <li>{@code SpokenLines}: lyrics spoken through the shared speech layer and mixed on the beat (unless
 *       {@code force_instrumental}).</li>
 * </ul>
 *
 * <p>Threading: each request renders on its own thread; the service and planners are thread-safe.
 */
package dev.timbre.music;
