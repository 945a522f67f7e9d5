/**
 * Sound effects: {@code POST /v1/sound-generation}. {@code SoundGenerationRoutes} (JSON and {@code output_format}),
 * {@code SoundGenerationService} (checks, seed, embedded {@code recipes} or the provider, encoding through
 * {@code audio.AudioEncoder}), {@code SoundEffectsProvider} (an ElevenLabs-shaped server named by
 * {@code TIMBRE_SOUND_EFFECTS_URL} and {@code TIMBRE_SOUND_EFFECTS_API_KEY}). The embedded generator is procedural
 * (see {@code recipes}); a few General MIDI sounds come from the JDK's Gervill, rendered offline.
 */
package dev.timbre.soundgeneration;
