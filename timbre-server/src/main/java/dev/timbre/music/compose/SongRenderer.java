package dev.timbre.music.compose;

import dev.timbre.audio.midi.GervillStream;
import dev.timbre.audio.midi.SoundbankInstruments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders a {@link Song} offline through the JDK's Gervill synthesizer ({@code AudioSynthesizer.openStream}, called reflectively: no sound
 * card, faster than real time), one section at a time: {@link #next} sends the section's MIDI messages (timestamped
 * in microseconds from the song's start) and reads exactly the section's samples, so each section, and the song, is
 * exactly as long as planned (sample boundaries at round(ms × rate / 1000)). The last 1.5 s fade out. The JVM needs
 * {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}. Single-use, not thread-safe; {@link #close}
 * releases the synthesizer.
 */
public final class SongRenderer implements AutoCloseable {
    public static final int SAMPLE_RATE = 44100;
    private static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
    private static final long FADE_SAMPLES = SAMPLE_RATE * 3L / 2;

    private final Song song;
    private final LineVoice voice;
    private final Synthesizer synth;
    private final AudioInputStream stream;
    private final Receiver receiver;
    private final Arranger arranger;
    private final long totalSamples;
    private final Style base;
    private final SoundbankInstruments instruments;
    private int index;
    private long startMs;

    /** Opens the synthesizer; {@code voice} speaks lines when the song has vocals (null: instrumental). */
    public SongRenderer(Song song, LineVoice voice) throws MidiUnavailableException {
        this.song = song;
        this.voice = song.vocals() ? voice : null;
        this.arranger = new Arranger(song.seed());
        this.totalSamples = samplesAt(song.durationMs());
        this.base = Style.of(song.positiveStyles(), song.negativeStyles(), song.seed());
        Synthesizer s = MidiSystem.getSynthesizer(); // a new Gervill SoftSynthesizer each call
        this.synth = s;
        this.stream = GervillStream.open(s, FORMAT, Map.of("interpolation", "linear", "max polyphony", 96, "reverb", true, "chorus", true));
        try {
            this.instruments = new SoundbankInstruments(s);
            this.receiver = s.getReceiver();
        } catch (RuntimeException | MidiUnavailableException e) {
            s.close();
            throw e;
        }
    }

    /** Sections left to render. */
    public boolean hasNext() { return index < song.sections().size(); }

    /** The next section as s16le mono PCM at {@link #SAMPLE_RATE}; throws when none is left. */
    public byte[] next() throws InterruptedException {
        if (!hasNext()) throw new IllegalStateException("every section is rendered");
        Song.Section section = song.sections().get(index);
        List<String> pos = new ArrayList<>(song.positiveStyles()), neg = new ArrayList<>(song.negativeStyles());
        pos.addAll(section.positiveStyles());
        neg.addAll(section.negativeStyles());
        Style style = Style.of(pos, neg, song.seed()).inTimeAndKeyOf(base); // tempo and key hold for the whole song
        long startUs = startMs * 1000;
        Arranger.Score score = arranger.section(section, style, startUs, index == 0);
        send(score, startUs);
        long from = samplesAt(startMs), to = samplesAt(startMs + section.durationMs());
        byte[] pcm = read((int) (to - from));
        if (voice != null && !section.lines().isEmpty()) Vocals.mix(pcm, section.lines(), voice, style.beatUs() * 4);
        fadeOut(pcm, from);
        startMs += section.durationMs();
        index++;
        return pcm;
    }

    private void send(Arranger.Score score, long startUs) {
        Style st = score.style();
        program(Arranger.LEAD, st.leadProgram(), startUs);
        program(Arranger.CHORDS, st.chordProgram(), startUs);
        program(Arranger.BASS, st.bassProgram(), startUs);
        record Event(long at, boolean on, Note note) {}
        List<Event> events = new ArrayList<>(score.notes().size() * 2);
        for (Note n : score.notes()) {
            events.add(new Event(n.startUs(), true, n));
            events.add(new Event(n.endUs(), false, n));
        }
        events.sort(Comparator.comparingLong(Event::at).thenComparing(Event::on)); // offs before ons at the same time
        for (Event e : events) {
            Note n = e.note();
            message(e.on() ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF, n.channel(), n.key(), e.on() ? n.velocity() : 0, e.at());
        }
    }

    private void program(int channel, int program, long at) {
        instruments.program(program);
        message(ShortMessage.PROGRAM_CHANGE, channel, program, 0, at);
    }

    private void message(int command, int channel, int d1, int d2, long at) {
        try {
            receiver.send(new ShortMessage(command, channel, d1, d2), at);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("a note out of the MIDI range: " + d1, e);
        }
    }

    private byte[] read(int samples) throws InterruptedException {
        byte[] pcm = new byte[samples * 2];
        try {
            int off = 0;
            while (off < pcm.length) {
                if (Thread.interrupted()) throw new InterruptedException();
                int n = stream.read(pcm, off, Math.min(pcm.length - off, 1 << 16));
                if (n < 0) break; // the synthesizer's stream does not end; stays silent if it did
                off += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pcm;
    }

    /** Fades the song's last samples linearly to silence; {@code from}: the sample index of pcm[0] in the song. */
    private void fadeOut(byte[] pcm, long from) {
        long fadeStart = totalSamples - FADE_SAMPLES;
        for (int i = 0; i < pcm.length / 2; i++) {
            long at = from + i;
            if (at < fadeStart) continue;
            double g = Math.max(0, (double) (totalSamples - at) / FADE_SAMPLES);
            int s = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            int v = (int) Math.round(s * g);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
    }

    static long samplesAt(long ms) {
        return Math.round(ms * (double) SAMPLE_RATE / 1000);
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the synthesizer's own stream; nothing to report
        }
        synth.close();
    }
}
