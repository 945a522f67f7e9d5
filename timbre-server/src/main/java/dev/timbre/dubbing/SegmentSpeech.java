package dev.timbre.dubbing;

import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.Wsola;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechException;
import dev.timbre.speech.SpeechRun;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.normalize.NormalizedText;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One segment's dub: its translated text spoken through the shared speech layer ({@link SpeechSynthesizer}, a whole
 * run: it waits its turn with every other synthesis) in the speaker's voice, silence trimmed from both ends, then fitted
 * into its slot: speech that is longer than the slot is sped up without a change of pitch ({@link Wsola}) by at most
 * {@link #MAX_SPEEDUP}; what is still longer overruns (it is kept whole and counted). Speech shorter than its slot is
 * kept as it is. Thread-safe.
 */
final class SegmentSpeech {
    static final double MAX_SPEEDUP = 1.5;
    /** Samples quieter than this (of 32768) at the ends are trimmed. */
    static final int SILENCE = 300;
    /** Seconds a segment waits, one try a second, while the speech layer's queue is full. */
    static final int BUSY_RETRIES = 600;

    /** Fitted audio (mono s16le at the pipeline's rate) and whether it overruns its slot. */
    record Fitted(byte[] pcm, boolean overrun) {}

    private final SpeechSynthesizer speech;
    private final Supplier<Map<String, TextToSpeech>> engines;
    private final OutputFormat format;

    SegmentSpeech(SpeechSynthesizer speech, Supplier<Map<String, TextToSpeech>> engines, int rate) {
        this.speech = speech;
        this.engines = engines;
        this.format = OutputFormat.parse("pcm_" + rate).orElseThrow();
    }

    /** The text spoken in {@code voice}, trimmed; mono s16le at the pipeline's rate. */
    byte[] speak(String text, String language, SpeakerVoices.Voice voice) throws DubbingFailure, InterruptedException {
        TextToSpeech engine = engines.get().get(voice.provider());
        if (engine == null) throw new DubbingFailure("the speech engine '" + voice.provider() + "' is not loaded");
        SpeechScript.Segment segment = SpeechScript.Segment.spoken(NormalizedText.identity(text), engine,
                new SpeechRequest(text, voice.engineVoiceId(), language, null, 0L, voice.shape()));
        for (int attempt = 1; ; attempt++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SpeechRun run = speech.open(SpeechScript.of(segment, format, false), SpeechSynthesizer.Delivery.WHOLE)) {
                for (SpeechChunk c; (c = run.next()) != null; ) out.writeBytes(c.audio());
                return trim(out.toByteArray());
            } catch (SpeechException.Busy e) {
                if (attempt >= BUSY_RETRIES) throw new DubbingFailure("the speech engines stayed busy");
                Thread.sleep(1000); // a job waits for the interactive requests instead of failing
            } catch (SpeechException e) {
                throw new DubbingFailure("the speech engine could not speak a segment: " + e.getMessage());
            }
        }
    }

    /** {@code pcm} fitted into {@code slotSeconds}. */
    static Fitted fit(byte[] pcm, double slotSeconds, int rate) {
        short[] x = Pcm.toSamples(pcm, 0, pcm.length & ~1);
        int slot = (int) Math.round(slotSeconds * rate);
        if (x.length <= slot || x.length == 0) return new Fitted(pcm, false);
        int target = Math.max(slot, (int) Math.ceil(x.length / MAX_SPEEDUP));
        return new Fitted(Pcm.toBytes(Wsola.stretch(x, target, rate)), target > slot);
    }

    static byte[] trim(byte[] pcm) {
        short[] x = Pcm.toSamples(pcm, 0, pcm.length & ~1);
        int from = 0, to = x.length;
        while (from < to && Math.abs(x[from]) < SILENCE) from++;
        while (to > from && Math.abs(x[to - 1]) < SILENCE) to--;
        return java.util.Arrays.copyOfRange(pcm, from * 2, to * 2);
    }
}
