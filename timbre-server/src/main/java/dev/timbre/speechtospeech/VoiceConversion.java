package dev.timbre.speechtospeech;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TimedSpeech;
import java.io.ByteArrayOutputStream;

/**
 * Re-speaks a source ({@link SourceSegments}: heard piece by piece, as the conversion reaches each piece) in another
 * voice, phrase by phrase: each phrase is spoken with its words' source
 * timings and pitch ratios ({@link TimedSpeech}) and placed where it starts in the source (as the recogniser hears
 * it: {@link PhraseOnset}), quiet noise ({@link QuietNoise}) filling the pauses
 * (a phrase that ran long pushes the next one back rather than overlapping it); the end is padded to the source's
 * length. {@link #next} hands out the audio of one phrase (with the silence before it) at a time, so a stream can
 * write it before the next phrase is spoken. Output: s16le mono at the engine's rate ({@link #format}, known once
 * the first phrase is spoken). Single use, one thread; each {@link #next} blocks while the engine speaks.
 */
final class VoiceConversion {
    private final SourceSegments source;
    private final java.util.ArrayDeque<SourceSpeech.Phrase> phrases = new java.util.ArrayDeque<>();
    private final TimedSpeech engine;
    private final SpeechRequest voice;
    private final PhraseOnset onset;
    private final QuietNoise noise = new QuietNoise(1);
    private long bytesOut;
    private PcmFormat format;
    private byte[] pending;
    private boolean ended;

    VoiceConversion(SourceSegments source, TimedSpeech engine, SpeechRequest voice, PhraseOnset onset) {
        this.source = source;
        this.engine = engine;
        this.voice = voice;
        this.onset = onset;
    }

    /** Speaks the first phrase, so that {@link #format} is known; its audio is kept for the first {@link #next}. */
    PcmFormat format() throws InterruptedException {
        if (format == null) {
            pending = speakNext();
        }
        return format;
    }

    /** The next piece of audio: silence up to a phrase and the phrase; the padding to the end; then null. */
    byte[] next() throws InterruptedException {
        if (pending != null) {
            byte[] p = pending;
            pending = null;
            return p;
        }
        if (nextPhraseHeard()) return speakNext();
        if (ended) return null;
        ended = true;
        if (format == null) format = new PcmFormat(16_000);
        return silenceUntil(source.seconds());
    }

    /** True when a phrase is waiting, hearing the next pieces of the source until one holds a phrase or none is left. */
    private boolean nextPhraseHeard() {
        while (phrases.isEmpty()) {
            SourceSpeech piece = source.next();
            if (piece == null) return false;
            phrases.addAll(piece.phrases());
        }
        return true;
    }

    /** Speaks the next phrase; there must be one ({@link #nextPhraseHeard}). */
    private byte[] speakNext() throws InterruptedException {
        if (!nextPhraseHeard()) throw new IllegalStateException("no phrase left to speak");
        SourceSpeech.Phrase phrase = phrases.poll();
        TextToSpeech.Speech speech = engine.speak(voice, phrase.words());
        if (format == null) format = speech.format();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(silenceUntil(phrase.start() + onset.lead(speech, phrase.words())));
        byte[] pcm = speech.format().equals(format) ? speech.pcm()
                : Pcm.resample(speech.pcm(), speech.format().sampleRate(), format.sampleRate());
        out.writeBytes(pcm);
        bytesOut += pcm.length;
        return out.toByteArray();
    }

    private byte[] silenceUntil(double seconds) {
        long target = Math.round(seconds * format.sampleRate()) * 2;
        if (target <= bytesOut) return new byte[0];
        byte[] silence = noise.bytes((int) (target - bytesOut));
        bytesOut = target;
        return silence;
    }
}
