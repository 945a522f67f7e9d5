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
    private final Resampler resampler;
    private int pendingByte = -1;

    InputAudio(AudioEncoding encoding) {
        this.encoding = encoding;
        this.resampler = encoding.sampleRate() == RATE ? null : new Resampler(encoding.sampleRate(), RATE);
    }

    /** Decodes one chunk; returns the 16 kHz samples ready so far (possibly none). */
    short[] decode(byte[] bytes) {
        byte[] pcm = encoding.kind() == AudioEncoding.Kind.ULAW ? ulawToPcm(bytes) : bytes;
        if (resampler != null) return samples(resampler.resample(pcm, 0, pcm.length));
        return samples(evenBytes(pcm));
    }

    private byte[] evenBytes(byte[] pcm) {
        int carried = pendingByte >= 0 ? 1 : 0;
        int total = carried + pcm.length;
        byte[] out = new byte[total - total % 2];
        if (carried == 1 && out.length > 0) out[0] = (byte) pendingByte;
        System.arraycopy(pcm, 0, out, carried, out.length - carried);
        if (total % 2 != 0) pendingByte = pcm.length > 0 ? pcm[pcm.length - 1] & 0xff : pendingByte;
        else pendingByte = -1;
        return out;
    }

    private static short[] samples(byte[] pcm) { return Pcm.toSamples(pcm, 0, pcm.length); }

    private static byte[] ulawToPcm(byte[] ulaw) {
        short[] s = new short[ulaw.length];
        for (int i = 0; i < ulaw.length; i++) s[i] = G711.ulawDecode(ulaw[i]);
        return Pcm.toBytes(s);
    }
}
