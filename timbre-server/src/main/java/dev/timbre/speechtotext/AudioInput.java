package dev.timbre.speechtotext;

import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import java.util.List;

/**
 * Uploaded audio → mono s16le PCM, or one PCM stream per channel for {@code use_multi_channel}, through
 * {@link UploadDecoder} (WAV, MP3, Ogg Opus, FLAC; other containers with ffmpeg), reduced to at most
 * {@link #RECOGNITION_RATE} as it decodes (memory follows the recogniser's rate, not the file's). Decoding failures
 * become 4xx errors; a server with every decode slot busy answers 429.
 */
public final class AudioInput {
    static final int MAX_CHANNELS = 5;
    /** The rate the recognisers work at (Sphinx, Whisper-style servers); files above it are resampled while decoding. */
    static final int RECOGNITION_RATE = 16000;
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
                List<Wav.Decoded> channels = DECODER.decodeChannels(data, RECOGNITION_RATE);
                if (channels.size() > MAX_CHANNELS) {
                    throw ApiException.invalid("use_multi_channel supports at most " + MAX_CHANNELS + " channels; the file has "
                            + channels.size(), "value_error", "body", "file");
                }
                if (channels.size() > 1) return new Channels(channels.get(0).format(), channels.stream().map(Wav.Decoded::pcm).toList());
            }
            Wav.Decoded d = DECODER.decode(data, RECOGNITION_RATE);
            if (d.pcm().length == 0) throw ApiException.badRequest("invalid_audio", "The uploaded file contains no audio samples.");
            return new Channels(d.format(), List.of(d.pcm()));
        } catch (AudioFormatException e) {
            throw apiError(e);
        }
    }

    /**
     * The HTTP error for a decoding failure: size and duration limits are 413, every decode slot busy is 429 (retry
     * after a second), anything that is not usable audio is a 400, as ElevenLabs answers.
     */
    public static ApiException apiError(AudioFormatException e) {
        return switch (e.kind()) {
            case TOO_LARGE, TOO_LONG -> new ApiException(413, e.code(), "The uploaded file could not be used: " + e.getMessage());
            case BUSY -> ApiException.busy(e.code(), "The server is busy decoding other audio; try again shortly.", 1);
            default -> new ApiException(400, e.code(), "The uploaded file could not be used: " + e.getMessage());
        };
    }
}
