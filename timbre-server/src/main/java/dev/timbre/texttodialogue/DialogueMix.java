package dev.timbre.texttodialogue;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.texttospeech.CharacterAlignment;
import dev.timbre.texttospeech.PcmSynthesis;
import dev.timbre.texttospeech.TextToSpeechService.Prepared;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Speaks the turns of a dialogue one after the other, each with its own voice and engine, into ONE encoded stream:
 * every engine's PCM is resampled to the output rate and fed to a single encoder, with a short pause between turns.
 * Alignment times and voice segments are shifted to the position of their turn; character indices count into the
 * concatenated input texts. Chunks go to the listener as soon as the encoder yields bytes, so a client hears the
 * first turn before the last is synthesised. Not thread-safe: one per dialogue, run on the calling thread.
 */
final class DialogueMix implements PcmSynthesis.Listener {
    static final double PAUSE_SECONDS = 0.2;

    /** One piece of the stream; {@code last} is true exactly once, for the final chunk. Alignments may be null. */
    record Chunk(byte[] audio, CharacterAlignment alignment, CharacterAlignment normalizedAlignment,
                 List<VoiceSegment> voiceSegments, boolean last) {}

    interface Listener {
        void chunk(Chunk chunk) throws IOException;
    }

    private final PcmFormat pcm;
    private final AudioEncoder encoder;
    private final Runnable firstAudio;
    private final Listener listener;
    private final ByteArrayOutputStream pendingAudio = new ByteArrayOutputStream();
    private final List<VoiceSegment> pendingSegments = new ArrayList<>();
    private CharacterAlignment pendingAlignment, pendingNormalized;
    private long bytes;
    private boolean started;
    // the turn being spoken
    private Prepared turn;
    private int turnIndex, turnCharStart;
    private double turnStart;
    private Resampler resampler;

    private DialogueMix(OutputFormat format, Runnable firstAudio, Listener listener) {
        this.pcm = new PcmFormat(format.sampleRate());
        this.encoder = AudioEncoder.create(format.sampleRate(), format);
        this.firstAudio = firstAudio;
        this.listener = listener;
    }

    /**
     * Speaks {@code turns} in order. {@code firstAudio} runs once, before the first audio reaches the listener (where
     * characters are charged).
     *
     * @return the duration of the whole dialogue in seconds
     */
    static double run(List<Prepared> turns, OutputFormat format, Runnable firstAudio, Listener listener)
            throws IOException, InterruptedException {
        DialogueMix mix = new DialogueMix(format, firstAudio, listener);
        int chars = 0;
        for (int i = 0; i < turns.size(); i++) {
            if (i > 0) mix.add(new byte[2 * (int) Math.round(PAUSE_SECONDS * mix.pcm.sampleRate())]);
            mix.turn = turns.get(i);
            mix.turnIndex = i;
            mix.turnCharStart = chars;
            mix.turnStart = mix.pcm.seconds(mix.bytes);
            mix.resampler = null;
            PcmSynthesis.run(mix.turn, mix);
            chars += mix.turn.normalized().original().length();
        }
        if (!mix.started) mix.start();
        mix.pendingAudio.writeBytes(mix.encoder.finish());
        mix.flush(true);
        return mix.pcm.seconds(mix.bytes);
    }

    @Override
    public void start(PcmFormat format) {
        resampler = format.sampleRate() == pcm.sampleRate() ? null : new Resampler(format.sampleRate(), pcm.sampleRate());
    }

    @Override
    public void audio(byte[] engineAudio, CharacterAlignment alignment, CharacterAlignment normalized, boolean last) throws IOException {
        byte[] audio = resampler == null ? engineAudio : resampler.resample(engineAudio, 0, engineAudio.length);
        if (last && resampler != null) audio = join(audio, resampler.finish());
        add(audio);
        if (alignment != null) pendingAlignment = concat(pendingAlignment, alignment.shifted(turnStart));
        if (normalized != null) pendingNormalized = concat(pendingNormalized, normalized.shifted(turnStart));
        if (last) {
            pendingSegments.add(new VoiceSegment(turn.voiceId(), round(turnStart), round(pcm.seconds(bytes)), turnCharStart,
                    turnCharStart + turn.normalized().original().length(), turnIndex));
        }
        if (pendingAudio.size() > 0) flush(false);
    }

    private void add(byte[] audio) {
        if (audio.length == 0) return;
        if (!started) start();
        bytes += audio.length;
        pendingAudio.writeBytes(encoder.encode(audio, 0, audio.length));
    }

    private void start() {
        started = true;
        firstAudio.run();
    }

    private void flush(boolean last) throws IOException {
        Chunk c = new Chunk(pendingAudio.toByteArray(), pendingAlignment, pendingNormalized, List.copyOf(pendingSegments), last);
        pendingAudio.reset();
        pendingSegments.clear();
        pendingAlignment = null;
        pendingNormalized = null;
        listener.chunk(c);
    }

    private static CharacterAlignment concat(CharacterAlignment a, CharacterAlignment b) {
        if (a == null) return b;
        return new CharacterAlignment(joined(a.characters(), b.characters()),
                joined(a.characterStartTimesSeconds(), b.characterStartTimesSeconds()),
                joined(a.characterEndTimesSeconds(), b.characterEndTimesSeconds()));
    }

    private static <T> List<T> joined(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
