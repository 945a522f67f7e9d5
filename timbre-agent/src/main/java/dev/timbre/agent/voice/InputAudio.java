package dev.timbre.agent.voice;

import dev.timbre.audio.G711;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.Resampler;

/**
 * The user's audio as it arrives ({@code user_audio_chunk} bytes in the conversation's input {@link AudioEncoding})
 * → 16 kHz mono samples for VAD, recognition and the recording. PCM keeps an odd trailing byte for the next chunk
 * (inside the resampler); other rates are resampled with a streaming {@link Resampler}, so chunking does not change
 * the samples. Loop thread only.
 */
final class InputAudio {
    static final int RATE = 16000;

    private final AudioEncoding encoding;
    /** Also at 16 kHz in: it keeps the odd trailing byte of a chunk for the next one. */
    private final Resampler resampler;

    InputAudio(AudioEncoding encoding) {
        this.encoding = encoding;
        this.resampler = new Resampler(encoding.sampleRate(), RATE);
    }

    /** Decodes one chunk; returns the 16 kHz samples ready so far (possibly none). */
    short[] decode(byte[] bytes) {
        byte[] pcm = encoding.kind() == AudioEncoding.Kind.ULAW ? G711.ulawDecode(bytes) : bytes;
        byte[] out = resampler.resample(pcm, 0, pcm.length);
        return Pcm.toSamples(out, 0, out.length);
    }
}
