package dev.timbre.audio;

/** An upload's container, recognised from its leading bytes (never its name). */
public enum AudioContainer {
    WAV("WAV"), MP3("MP3"), OGG_OPUS("Ogg Opus"), OGG_OTHER("Ogg"), FLAC("FLAC"), MP4("MP4"),
    MATROSKA("Matroska/WebM"), OTHER("audio");

    private final String displayName;

    AudioContainer(String displayName) { this.displayName = displayName; }

    /** For error messages: "MP3", "Ogg Opus", … */
    public String displayName() { return displayName; }

    /** Recognises the container from the leading bytes (an ID3v2 tag is skipped). */
    public static AudioContainer detect(byte[] d) {
        if (d.length >= 12 && ascii(d, 0, "RIFF") && ascii(d, 8, "WAVE")) return WAV;
        if (d.length >= 4 && ascii(d, 0, "fLaC")) return FLAC;
        if (d.length >= 4 && ascii(d, 0, "OggS")) {
            return d.length >= 36 && ascii(d, 28, "OpusHead") ? OGG_OPUS : OGG_OTHER;
        }
        if (d.length >= 12 && ascii(d, 4, "ftyp")) return MP4;
        if (d.length >= 4 && (d[0] & 0xff) == 0x1A && (d[1] & 0xff) == 0x45 && (d[2] & 0xff) == 0xDF && (d[3] & 0xff) == 0xA3) {
            return MATROSKA;
        }
        int start = id3End(d);
        if (start > 0 && d.length >= start + 4 && ascii(d, start, "fLaC")) return FLAC;
        if (start < d.length && mp3At(d, start, 4096)) return MP3;
        return OTHER;
    }

    static boolean ascii(byte[] d, int off, String s) {
        if (off < 0 || off + s.length() > d.length) return false;
        for (int i = 0; i < s.length(); i++) if (d[off + i] != (byte) s.charAt(i)) return false;
        return true;
    }

    static int indexOf(byte[] d, String s, int from) {
        for (int i = Math.max(0, from); i + s.length() <= d.length; i++) if (ascii(d, i, s)) return i;
        return -1;
    }

    /** Offset just past leading ID3v2 tags (0 when there are none). */
    static int id3End(byte[] d) {
        int pos = 0;
        while (d.length >= pos + 10 && ascii(d, pos, "ID3")) {
            int size = (d[pos + 6] & 0x7f) << 21 | (d[pos + 7] & 0x7f) << 14 | (d[pos + 8] & 0x7f) << 7 | (d[pos + 9] & 0x7f);
            int footer = (d[pos + 5] & 0x10) != 0 ? 10 : 0;
            long next = (long) pos + 10 + size + footer;
            if (next > d.length) return d.length;
            pos = (int) next;
        }
        return pos;
    }

    private static final int[][] MP3_BITRATES = { // kbit/s by [version: 1 / 2 and 2.5][layer 1..3][index]
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    };

    /** Length in bytes of the MPEG audio frame whose header is at {@code p}, or -1 when there is no valid header. */
    private static int mp3FrameLength(byte[] d, int p) {
        if (p + 4 > d.length || (d[p] & 0xff) != 0xff || (d[p + 1] & 0xe0) != 0xe0) return -1;
        int version = (d[p + 1] >> 3) & 3, layer = (d[p + 1] >> 1) & 3;
        int br = (d[p + 2] >> 4) & 0xf, sr = (d[p + 2] >> 2) & 3, pad = (d[p + 2] >> 1) & 1;
        if (version == 1 || layer == 0 || br == 0 || br == 15 || sr == 3) return -1;
        int[] rates = {44100, 48000, 32000};
        int rate = rates[sr] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
        boolean v1 = version == 3;
        int row = v1 ? 3 - layer : (layer == 3 ? 3 : 4);
        int kbps = MP3_BITRATES[row][br];
        if (layer == 3) return (12 * kbps * 1000 / rate + pad) * 4;
        int perFrame = layer == 1 && !v1 ? 72 : 144; // layer III in MPEG-2/2.5 has 576 samples per frame
        return perFrame * kbps * 1000 / rate + pad;
    }

    /** Whether MPEG audio frames start within {@code scan} bytes of {@code start}: two in a row, or one filling the file. */
    private static boolean mp3At(byte[] d, int start, int scan) {
        for (int p = start; p < Math.min(d.length, start + scan); p++) {
            int len = mp3FrameLength(d, p);
            if (len <= 0) continue;
            if (p + len == d.length || mp3FrameLength(d, p + len) > 0) return true;
            if (p == start && p + len > d.length) return true; // one truncated frame: let the decoder say so
        }
        return false;
    }
}
