package dev.timbre.abuse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Audio files that lie: truncated headers, chunk and block sizes near the 32-bit limits, impossible rates and
 * channel counts, in each container the server decodes (WAV, MP3, Ogg, FLAC) plus plain noise. Each is small.
 */
final class CorruptAudio {
    record File(String name, String contentType, byte[] bytes) {}

    private CorruptAudio() {}

    static File pick(Random random) {
        int kind = random.nextInt(9);
        return switch (kind) {
            case 0 -> new File("a.wav", "audio/wav", wav(random, 0xFFFFFFF8, 16000, 1));
            case 1 -> new File("a.wav", "audio/wav", wav(random, 0x7FFFFFFF, 192000, 65535));
            case 2 -> new File("a.wav", "audio/wav", truncate(random, wav(random, 64, 16000, 1)));
            case 3 -> new File("a.mp3", "audio/mpeg", mp3(random));
            case 4 -> new File("a.ogg", "audio/ogg", ogg(random));
            case 5 -> new File("a.flac", "audio/flac", flac(random, true));
            case 6 -> new File("a.flac", "audio/flac", truncate(random, flac(random, false)));
            case 7 -> new File("a.webm", "video/webm", noise(random, 1 + random.nextInt(4000)));
            default -> new File("empty.wav", "audio/wav", new byte[0]);
        };
    }

    /** A RIFF/WAVE header whose {@code fmt } chunk is well-formed and whose {@code data} chunk claims {@code dataSize}. */
    static byte[] wav(Random random, int dataSize, int rate, int channels) {
        ByteBuffer b = ByteBuffer.allocate(44 + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(random.nextBoolean() ? -1 : 36 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        byte[] tail = noise(random, 64);
        b.put(tail);
        return b.array();
    }

    /** MPEG frame sync words with random header bits and garbage in between. */
    static byte[] mp3(Random random) {
        byte[] out = noise(random, 200 + random.nextInt(2000));
        if (random.nextBoolean()) System.arraycopy("ID3\u0004\u0000\u0000\u007f\u007f\u007f\u007f".getBytes(StandardCharsets.ISO_8859_1), 0, out, 0, 10);
        for (int i = 10; i + 4 < out.length; i += 1 + random.nextInt(300)) {
            out[i] = (byte) 0xFF;
            out[i + 1] = (byte) (0xE0 | random.nextInt(32));
        }
        return out;
    }

    /** An Ogg page ("OggS") claiming an Opus head, with random segment tables and sizes. */
    static byte[] ogg(Random random) {
        byte[] out = noise(random, 100 + random.nextInt(1500));
        byte[] head = "OggS".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, out, 0, 4);
        out[4] = 0;
        out[26] = (byte) 255; // a full segment table
        byte[] opus = "OpusHead".getBytes(StandardCharsets.US_ASCII);
        if (out.length > 300) System.arraycopy(opus, 0, out, 282, opus.length);
        return out;
    }

    /** "fLaC" and a STREAMINFO block: huge or zero block sizes, 8 channels at the top rate, absurd sample counts. */
    static byte[] flac(Random random, boolean absurd) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 34 + 256);
        b.put("fLaC".getBytes(StandardCharsets.US_ASCII));
        b.put((byte) 0x80).put((byte) 0).put((byte) 0).put((byte) 34);
        b.putShort((short) (absurd ? 65535 : 4096)).putShort((short) (absurd ? 0 : 4096));
        b.put(new byte[6]);
        long rate = absurd ? 655350 : 44100, channels = absurd ? 7 : 1, bits = 15, samples = absurd ? 0xFFFFFFFFFL : 44100;
        long packed = (rate << 44) | (channels << 41) | (bits << 36) | samples;
        b.putLong(packed);
        b.put(new byte[16]);
        b.put(noise(random, 256));
        return b.array();
    }

    static byte[] truncate(Random random, byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    static byte[] noise(Random random, int size) {
        byte[] out = new byte[size];
        random.nextBytes(out);
        return out;
    }

    static final List<String> CONTENT_TYPES = List.of("audio/wav", "audio/mpeg", "application/octet-stream", "text/plain", "", "audio/x-flac; rate=abc");
}
