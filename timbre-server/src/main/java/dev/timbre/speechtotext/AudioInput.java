package dev.timbre.speechtotext;

import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Uploaded audio → mono s16le PCM, or one PCM stream per channel for {@code use_multi_channel}. */
final class AudioInput {
    static final int MAX_CHANNELS = 5;

    private AudioInput() {}

    record Channels(PcmFormat format, List<byte[]> pcm) {}

    static Channels decode(byte[] data, boolean pcmS16le16, boolean multiChannel) {
        if (data.length == 0) throw ApiException.invalid("The uploaded file is empty", "value_error", "body", "file");
        if (pcmS16le16) {
            if (data.length % 2 != 0) {
                throw ApiException.badRequest("invalid_audio", "file_format is pcm_s16le_16 but the file has an odd number of bytes; expected 16-bit little-endian mono PCM at 16 kHz.");
            }
            return new Channels(new PcmFormat(16000), List.of(data));
        }
        if (multiChannel) {
            Channels split = splitWav(data);
            if (split != null) return split;
        }
        Wav.Decoded d;
        try {
            d = AudioDecoder.decode(data);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.badRequest("invalid_audio", "The uploaded file could not be decoded as audio: " + e.getMessage());
        }
        if (d.pcm().length == 0) throw ApiException.badRequest("invalid_audio", "The uploaded file contains no audio samples.");
        return new Channels(d.format(), List.of(d.pcm()));
    }

    /** The channels of a 16-bit PCM WAV with 2..5 channels; null for anything else (decoded normally). */
    static Channels splitWav(byte[] wav) {
        if (wav.length < 12) return null;
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) return null;
        int pos = 12, channels = 0, rate = 0, bits = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos), size = b.getInt(pos + 4);
            if (size < 0) return null;
            if (id == 0x20746d66 && pos + 24 <= wav.length) {
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                bits = b.getShort(pos + 22);
            } else if (id == 0x61746164) {
                if (bits != 16 || channels < 2 || rate <= 0) return null;
                if (channels > MAX_CHANNELS) {
                    throw ApiException.invalid("use_multi_channel supports at most " + MAX_CHANNELS + " channels; the file has " + channels,
                            "value_error", "body", "file");
                }
                int len = Math.min(size, wav.length - pos - 8);
                short[] s = Pcm.toSamples(wav, pos + 8, len - len % (2 * channels));
                List<byte[]> out = new ArrayList<>();
                for (int c = 0; c < channels; c++) {
                    short[] mono = new short[s.length / channels];
                    for (int i = 0; i < mono.length; i++) mono[i] = s[i * channels + c];
                    out.add(Pcm.toBytes(mono));
                }
                return new Channels(new PcmFormat(rate), out);
            }
            pos += 8 + size + (size & 1);
        }
        return null;
    }
}
