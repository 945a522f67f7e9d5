package dev.timbre.engine.remote;

/** The media type and file extension of an uploaded sample, from its first bytes (what a cloning server is told). */
final class SampleTypes {
    private SampleTypes() {}

    /** {@code {mediaType, extension}}: WAV, MP3, FLAC, OGG, else {@code application/octet-stream}. */
    static String[] of(byte[] data) {
        if (starts(data, "RIFF")) return new String[] {"audio/wav", "wav"};
        if (starts(data, "ID3") || data.length > 1 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xE0) == 0xE0) return new String[] {"audio/mpeg", "mp3"};
        if (starts(data, "fLaC")) return new String[] {"audio/flac", "flac"};
        if (starts(data, "OggS")) return new String[] {"audio/ogg", "ogg"};
        return new String[] {"application/octet-stream", "bin"};
    }

    private static boolean starts(byte[] data, String magic) {
        if (data.length < magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) if (data[i] != magic.charAt(i)) return false;
        return true;
    }
}
