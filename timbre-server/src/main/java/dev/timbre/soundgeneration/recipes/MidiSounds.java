package dev.timbre.soundgeneration.recipes;

import dev.timbre.audio.midi.GervillStream;
import dev.timbre.audio.midi.SoundbankInstruments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * General MIDI sounds rendered offline by the JDK's Gervill synthesizer with the installed soundfont ({@code
 * audio.midi.Soundbanks}; the built-in bank without one): drums (a snare roll and cymbal crashes on channel 10),
 * tubular bells, the GM gunshot and helicopter effects. Offline rendering ({@code audio.midi.GervillStream}) needs
 * {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} (./timbre and the tests pass it); without it, or with no synthesizer,
 * each sound falls back to a procedural stand-in so a prompt never fails. Each call opens and closes its own
 * synthesizer: thread-safe.
 */
final class MidiSounds {
    private MidiSounds() {}

    /** A note: at seconds, on a channel (9 = drums), with a program (ignored on drums), key, velocity, length. */
    record Note(double at, int channel, int program, int key, int velocity, double seconds) {}

    static void drums(float[] out, int rate, Noise n, double v) {
        List<Note> notes = new ArrayList<>();
        double len = out.length / (double) rate;
        double roll = Math.max(0.3, len - 1.2);
        for (double t = 0.05; t < roll; t += 0.05) notes.add(new Note(t, 9, 0, 38, (int) (50 + 60 * t / roll), 0.05));
        notes.add(new Note(roll, 9, 0, 49, 120, 1));
        notes.add(new Note(roll, 9, 0, 36, 120, 0.5));
        render(out, rate, notes, () -> MachineSounds.explosion(out, rate, n, v));
    }

    static void bells(float[] out, int rate, Noise n, double v) {
        List<Note> notes = new ArrayList<>();
        int[] keys = {72, 67, 69, 64};
        for (int k = 0; k * 1.2 < out.length / (double) rate - 0.5; k++) notes.add(new Note(0.05 + k * 1.2, 0, 14, keys[k % 4], 110, 1.1));
        render(out, rate, notes, () -> Layer.ring(out, rate, 0, 880, 0.6, 0.8));
    }

    static void gunshot(float[] out, int rate, Noise n, double v) {
        List<Note> notes = new ArrayList<>();
        for (double t = 0.05; t < out.length / (double) rate - 0.3; t += 1.5) notes.add(new Note(t, 0, 127, 60, 127, 0.3));
        render(out, rate, notes, () -> Layer.burst(out, rate, n, 0, 1500, 0.5, 0.04, 3));
    }

    static void helicopter(float[] out, int rate, Noise n, double v) {
        List<Note> notes = List.of(new Note(0, 0, 125, 60, 120, out.length / (double) rate));
        render(out, rate, notes, () -> MachineSounds.engine(out, rate, n, v));
    }

    /** Renders the notes into {@code out} (added); runs {@code fallback} when Gervill cannot render offline. */
    static void render(float[] out, int rate, List<Note> notes, Runnable fallback) {
        try {
            float[] audio = gervill(rate, out.length, notes);
            for (int i = 0; i < out.length; i++) out[i] += audio[i];
        } catch (RuntimeException | MidiUnavailableException | InvalidMidiDataException | IOException e) {
            fallback.run();
        }
    }

    static float[] gervill(int rate, int frames, List<Note> notes) throws MidiUnavailableException, InvalidMidiDataException, IOException {
        Synthesizer synth = MidiSystem.getSynthesizer();
        try (AudioInputStream stream = GervillStream.open(synth, new AudioFormat(rate, 16, 1, true, false), null)) {
            SoundbankInstruments instruments = new SoundbankInstruments(synth);
            Receiver receiver = synth.getReceiver();
            for (Note note : notes) {
                long at = (long) (note.at() * 1e6);
                if (note.channel() != 9) {
                    instruments.program(note.program());
                    receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, note.channel(), note.program(), 0), at);
                }
                receiver.send(new ShortMessage(ShortMessage.NOTE_ON, note.channel(), note.key(), note.velocity()), at);
                receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, note.channel(), note.key(), 0), at + (long) (note.seconds() * 1e6));
            }
            byte[] pcm = stream.readNBytes(frames * 2);
            float[] out = new float[frames];
            for (int i = 0; i + 1 < pcm.length; i += 2) out[i / 2] = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8)) / 32768f;
            return out;
        } finally {
            synth.close();
        }
    }
}
