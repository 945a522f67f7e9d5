/**
 * Offline General MIDI rendering shared by music and sound effects: {@link dev.timbre.audio.midi.GervillStream} opens
 * the JDK's Gervill synthesizer as an audio stream (no sound card; needs {@code --add-exports
 * java.desktop/com.sun.media.sound=ALL-UNNAMED}), {@link dev.timbre.audio.midi.Soundbanks} finds the installed
 * soundfont (FluidR3, else TimGM6mb, else the built-in bank) and {@link dev.timbre.audio.midi.SoundbankInstruments}
 * loads only what a synthesizer plays. No HTTP.
 */
package dev.timbre.audio.midi;
