package dev.timbre.audio;

import java.util.List;
import java.util.Optional;

/**
 * An ElevenLabs {@code output_format} value such as {@code mp3_44100_128}: codec, sample rate in Hz and, for
 * compressed codecs, bitrate in kbit/s (0 for uncompressed).
 */
public record OutputFormat(Codec codec, int sampleRate, int bitrateKbps) {

    /**
     * Codec with the Content-Type sent for it. Opus is delivered in an Ogg container (RFC 7845), whose registered type
     * is {@code audio/ogg}; {@code audio/opus} (RFC 7587) names bare RTP payloads, which browsers and ffmpeg do not
     * sniff as a file.
     */
    public enum Codec {
        MP3("audio/mpeg", "mp3"), PCM("audio/pcm", "pcm"), ULAW("audio/basic", "ulaw"), ALAW("audio/x-alaw-basic", "alaw"),
        OPUS("audio/ogg", "opus"), WAV("audio/wav", "wav");

        public final String contentType;
        public final String extension;

        Codec(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /** The 21 values of the ElevenLabs output-format enum, in the API's order. */
    public static final List<String> API_VALUES = List.of(
            "mp3_22050_32", "mp3_24000_48", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96", "mp3_44100_128", "mp3_44100_192",
            "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_32000", "pcm_44100", "pcm_48000",
            "ulaw_8000", "alaw_8000",
            "opus_48000_32", "opus_48000_64", "opus_48000_96", "opus_48000_128", "opus_48000_192");

    public static final OutputFormat DEFAULT = parse("mp3_44100_128").orElseThrow();

    /** Parses an API value; empty for anything not in {@link #API_VALUES} or the {@code wav_<rate>} extension. */
    public static Optional<OutputFormat> parse(String value) {
        if (value == null) return Optional.empty();
        boolean wav = value.matches("wav_(8000|16000|22050|24000|32000|44100|48000)");
        if (!API_VALUES.contains(value) && !wav) return Optional.empty();
        String[] parts = value.split("_");
        Codec codec = Codec.valueOf(parts[0].toUpperCase());
        int rate = Integer.parseInt(parts[1]);
        int kbps = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        return Optional.of(new OutputFormat(codec, rate, kbps));
    }

    public String id() {
        return codec.extension + "_" + sampleRate + (bitrateKbps > 0 ? "_" + bitrateKbps : "");
    }

    public String contentType() { return codec.contentType; }

    public String fileExtension() { return codec.extension; }
}
