/**
 * The embedded composer: a {@link dev.timbre.music.compose.Song} (styles, sections with exact durations, lines) →
 * General MIDI notes → PCM through the JDK's Gervill synthesizer. No HTTP, no server types.
 *
 * <ul>
 *   <li>{@code Style}, {@code Genre}: styles (words) → tempo, key and mode, GM programs for melody, chords and bass,
 *       drum pattern, energy; the section's own styles add to the song's, negative styles take parts away.</li>
 *   <li>{@code Arranger}, {@code Harmony}, {@code SectionKind}, {@code Drums}: per section a four-bar progression in
 *       the key (by the section's kind: intro, verse, chorus, bridge, outro, …), a bass line, a melody on chord tones
 *       and a drum pattern, all seeded.</li>
 *   <li>{@link dev.timbre.music.compose.SongRenderer}: Gervill offline ({@code AudioSynthesizer.openStream}), section
 *       by section, each exactly its length; {@link dev.timbre.audio.midi.Soundbanks}: FluidR3 / TimGM6mb when
 *       installed, else the built-in bank; {@link dev.timbre.music.compose.LineVoice} + {@code Vocals}: lines spoken
 *       on downbeats and mixed in.</li>
 * </ul>
 *
 * <p>Threading: a {@code SongRenderer} is single-use and runs on its caller's thread; the {@code audio.midi} soundbank is shared.
 * Deterministic: the same song (seed included) renders the same samples.
 */
package dev.timbre.music.compose;
