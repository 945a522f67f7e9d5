package dev.timbre.agent.voice;

import dev.timbre.agent.session.SpokenChars;
import dev.timbre.audio.G711;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One utterance's synthesized audio on its way to the wire: engine PCM (any rate) → the output rate (streaming
 * {@link Resampler}) → {@link Piece}s of at most {@link #PIECE_MS} in the output encoding (PCM or μ-law), each with
 * the characters whose start falls in it (times shifted to the piece) and a 16 kHz copy for the recording. Pieces
 * are released when full; {@link #finish} releases the rest. Loop thread only.
 */
final class UtteranceAudio {
    static final int PIECE_MS = 100;

    /** Audio for one {@code audio} event; {@code firstChar} is the utterance index of its first aligned character. */
    record Piece(byte[] wire, short[] pcm16k, int durationMs, SpokenChars alignment, int firstChar) {}

    private record TimedChar(String ch, long startMs, int durationMs) {}

    private final AudioEncoding output;
    private final int pieceSamples;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<TimedChar> chars = new ArrayList<>();
    private final Resampler to16k;
    private Resampler toOutput;
    private int engineRate;
    private long engineSamples;
    private long outputSamples;
    private int charsReleased;

    UtteranceAudio(AudioEncoding output) {
        this.output = output;
        this.pieceSamples = output.sampleRate() * PIECE_MS / 1000;
        this.to16k = output.sampleRate() == InputAudio.RATE ? null : new Resampler(output.sampleRate(), InputAudio.RATE);
    }

    /** Takes one engine chunk; returns the pieces now full. */
    List<Piece> add(PcmFormat format, byte[] pcm, SpokenChars spoken) {
        if (toOutput == null) {
            engineRate = format.sampleRate();
            toOutput = new Resampler(engineRate, output.sampleRate());
        }
        long offsetMs = engineSamples * 1000 / engineRate;
        for (int i = 0; i < spoken.chars().size(); i++) {
            chars.add(new TimedChar(spoken.chars().get(i), offsetMs + spoken.startMs().get(i), spoken.durationMs().get(i)));
        }
        engineSamples += pcm.length / 2;
        pending.writeBytes(toOutput.resample(pcm, 0, pcm.length));
        return release(false);
    }

    /** The engine is done: returns the remaining pieces (the last may be short, or empty with left-over characters). */
    List<Piece> finish() {
        if (toOutput != null) pending.writeBytes(toOutput.finish());
        return release(true);
    }

    private List<Piece> release(boolean all) {
        List<Piece> pieces = new ArrayList<>();
        byte[] buf = pending.toByteArray();
        int pieceBytes = pieceSamples * 2;
        int off = 0;
        while (buf.length - off >= pieceBytes) {
            pieces.add(piece(buf, off, pieceBytes, false));
            off += pieceBytes;
        }
        if (all && (buf.length - off > 0 || charsReleased < chars.size())) {
            pieces.add(piece(buf, off, buf.length - off, true));
            off = buf.length;
        }
        pending.reset();
        pending.write(buf, off, buf.length - off);
        return pieces;
    }

    private Piece piece(byte[] buf, int off, int len, boolean last) {
        byte[] pcm = java.util.Arrays.copyOfRange(buf, off, off + len);
        long startMs = outputSamples * 1000 / output.sampleRate();
        outputSamples += len / 2;
        long endMs = outputSamples * 1000 / output.sampleRate();
        List<String> cs = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> durations = new ArrayList<>();
        int first = charsReleased;
        while (charsReleased < chars.size() && (last || chars.get(charsReleased).startMs() < endMs)) {
            TimedChar c = chars.get(charsReleased++);
            cs.add(c.ch());
            starts.add((int) Math.max(0, c.startMs() - startMs));
            durations.add(c.durationMs());
        }
        byte[] wire = output.kind() == AudioEncoding.Kind.ULAW ? G711.ulaw(pcm) : pcm;
        byte[] pcm16 = to16k == null ? pcm : to16k.resample(pcm, 0, pcm.length);
        if (last && to16k != null) pcm16 = Pcm.concat(java.util.List.of(pcm16, to16k.finish()));
        return new Piece(wire, Pcm.toSamples(pcm16, 0, pcm16.length), (int) (endMs - startMs),
                new SpokenChars(cs, starts, durations), first);
    }
}
