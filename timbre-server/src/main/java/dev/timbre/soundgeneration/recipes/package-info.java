/**
 * Procedural sound effects with no HTTP and no model: {@link dev.timbre.soundgeneration.recipes.SoundRecipe} reads a
 * prompt into effects from a fixed vocabulary (rain, wind, thunder, water, fire, birds, engine, beep, phone, clock,
 * explosion, whoosh, footsteps, door, knock, applause, crowd; General MIDI drums, bells, gunshot and helicopter through
 * Gervill, {@code MidiSounds}; a quiet room tone for anything else) and a room size;
 * {@link dev.timbre.soundgeneration.recipes.SoundSynthesizer} renders them from noise sources, oscillators,
 * envelopes, RBJ biquads and a Schroeder reverb, deterministically from a seed, to an exact length, optionally as a
 * seamless loop ({@link dev.timbre.soundgeneration.recipes.Loops}).
 */
package dev.timbre.soundgeneration.recipes;
