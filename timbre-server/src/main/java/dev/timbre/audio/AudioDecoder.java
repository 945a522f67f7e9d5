package dev.timbre.audio;

/** Decodes uploaded or stored audio (WAV, MP3) to s16le mono PCM at the file's own rate. */
public final class AudioDecoder {
    private AudioDecoder() {}

    /** Throws {@link AudioFormatException} (an IllegalArgumentException) when the bytes are not decodable WAV or MP3. */
    public static Wav.Decoded decode(byte[] data) {
        boolean wav = data.length >= 12 && AudioContainer.ascii(data, 0, "RIFF");
        return wav ? bounded(data, WavFileDecoder::decode) : mp3(data);
    }

    /**
     * Decodes MP3 (or, through {@link #decode}, WAV) to mono at its own rate under the configured {@link DecodeLimits} (byte budget, duration, deadline)
     * in a shared decode slot: an instant-cloning sample is bounded like any upload. Failures are
     * {@link AudioFormatException}s (an IllegalArgumentException).
     */
    public static Wav.Decoded mp3(byte[] data) { return bounded(data, Mp3FileDecoder::decode); }

    private interface Container {
        DecodedChannels decode(byte[] data, DecodeLimit limit, DecodedChannels.Target target);
    }

    private static Wav.Decoded bounded(byte[] data, Container container) {
        if (data.length > DecodeLimits.CONFIGURED.maxInputBytes()) {
            throw new AudioFormatException(AudioFormatException.Kind.TOO_LARGE, "audio file is " + data.length + " bytes");
        }
        return DecodeSlots.SHARED.run(() -> AudioFormatException.fromCodec("not decodable audio",
                () -> container.decode(data, DecodeLimit.start(DecodeLimits.CONFIGURED), DecodedChannels.Target.SOURCE_MONO).finish().get(0)));
    }
}
