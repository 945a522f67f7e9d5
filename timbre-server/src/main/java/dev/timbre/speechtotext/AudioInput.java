package dev.timbre.speechtotext;

import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import java.util.List;

/**
 * Uploaded audio → mono s16le PCM, or one PCM stream per channel for {@code use_multi_channel}, through
 * {@link UploadDecoder} (WAV, MP3, Ogg Opus, FLAC; other containers with ffmpeg). Decoding failures become 4xx errors.
 */
public final class AudioInput {
    static final int MAX_CHANNELS = 5;
    private static final UploadDecoder DECODER = new UploadDecoder();

    private AudioInput() {}

    record Channels(PcmFormat format, List<byte[]> pcm) {}

    /** An upload as one mono PCM stream at its own rate; decoding failures are 4xx errors as for speech to text. */
    public static Wav.Decoded mono(byte[] data) {
        Channels c = decode(data, false, false);
        return new Wav.Decoded(c.format(), c.pcm().get(0));
    }

    static Channels decode(byte[] data, boolean pcmS16le16, boolean multiChannel) {
        if (data.length == 0) throw ApiException.invalid("The uploaded file is empty", "value_error", "body", "file");
        try {
            if (pcmS16le16) {
                if (data.length % 2 != 0) {
                    throw ApiException.badRequest("invalid_audio", "file_format is pcm_s16le_16 but the file has an odd number of bytes; expected 16-bit little-endian mono PCM at 16 kHz.");
                }
                Wav.Decoded raw = DECODER.decodeRawPcm16k(data);
                return new Channels(raw.format(), List.of(raw.pcm()));
            }
            if (multiChannel) {
                List<Wav.Decoded> channels = DECODER.decodeChannels(data);
                if (channels.size() > MAX_CHANNELS) {
                    throw ApiException.invalid("use_multi_channel supports at most " + MAX_CHANNELS + " channels; the file has "
                            + channels.size(), "value_error", "body", "file");
                }
                if (channels.size() > 1) return new Channels(channels.get(0).format(), channels.stream().map(Wav.Decoded::pcm).toList());
            }
            Wav.Decoded d = DECODER.decode(data);
            if (d.pcm().length == 0) throw ApiException.badRequest("invalid_audio", "The uploaded file contains no audio samples.");
            return new Channels(d.format(), List.of(d.pcm()));
        } catch (AudioFormatException e) {
            // Size and duration limits are 413; anything that is not usable audio is a 400, as ElevenLabs answers.
            boolean tooBig = e.kind() == AudioFormatException.Kind.TOO_LARGE || e.kind() == AudioFormatException.Kind.TOO_LONG;
            throw new ApiException(tooBig ? 413 : 400, e.code(), "The uploaded file could not be used: " + e.getMessage());
        }
    }
}
