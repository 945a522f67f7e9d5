package dev.timbre.studio;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.http.Json;
import dev.timbre.speech.CharacterAlignment;
import dev.timbre.storage.BlobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chapter's converted blocks → one encoded file: the blocks' PCM in order with a pause after each (longer after a
 * heading), normalised when the project asks ({@code volume_normalization}: the chapter's RMS to −20 dBFS, its peak
 * kept under −3 dBFS, as ACX asks of a chapter file), encoded as the quality preset says (MP3 44.1 kHz, 128 kbit/s for
 * {@code standard}, 192 for the others). Each block's alignment is shifted to its place. Stateless; blocking (CPU,
 * blob reads: each block is read once per pass).
 */
final class SnapshotAudio {
    static final double PAUSE_SECONDS = 0.4, HEADING_PAUSE_SECONDS = 0.8;
    private static final double TARGET_RMS = Math.pow(10, -20 / 20.0) * 32768, PEAK_CEILING = Math.pow(10, -3 / 20.0) * 32768;
    private static final double MAX_GAIN = 10;

    private SnapshotAudio() {}

    /** The encoded audio, the blocks' alignments (seconds from the file's start) and its length. */
    record Encoded(byte[] audio, List<CharacterAlignment> alignments, double seconds) {}

    /** One block in order with what it produced. */
    record Part(ChapterContent.Block block, ConversionRepository.Paragraph paragraph) {}

    static OutputFormat format(String qualityPreset) {
        return OutputFormat.parse("standard".equals(qualityPreset) ? "mp3_44100_128" : "mp3_44100_192").orElseThrow();
    }

    static Encoded encode(List<Part> parts, String qualityPreset, boolean normalize, BlobStore blobs) throws IOException {
        double gain = normalize ? gain(parts, blobs) : 1.0;
        AudioEncoder encoder = AudioEncoder.create(BlockSpeech.RATE, format(qualityPreset));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<CharacterAlignment> alignments = new ArrayList<>();
        long samples = 0;
        for (Part part : parts) {
            byte[] pcm = read(blobs, part.paragraph());
            if (gain != 1.0) pcm = scaled(pcm, gain);
            CharacterAlignment a = Json.MAPPER.readValue(part.paragraph().alignment(), CharacterAlignment.class);
            alignments.add(a.shifted((double) samples / BlockSpeech.RATE));
            out.writeBytes(encoder.encode(pcm));
            samples += pcm.length / 2;
            int pause = (int) Math.round((part.block().heading() ? HEADING_PAUSE_SECONDS : PAUSE_SECONDS) * BlockSpeech.RATE);
            out.writeBytes(encoder.encode(new byte[2 * pause]));
            samples += pause;
        }
        out.writeBytes(encoder.finish());
        return new Encoded(out.toByteArray(), alignments, (double) samples / BlockSpeech.RATE);
    }

    /** The gain that brings the parts' RMS to the target without their peak passing the ceiling (at most +20 dB). */
    static double gain(List<Part> parts, BlobStore blobs) throws IOException {
        double sum = 0;
        long n = 0;
        int peak = 0;
        for (Part part : parts) {
            byte[] pcm = read(blobs, part.paragraph());
            for (int i = 0; i + 1 < pcm.length; i += 2) {
                int s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
                sum += (double) s * s;
                peak = Math.max(peak, Math.abs(s));
            }
            n += pcm.length / 2;
        }
        if (n == 0 || sum == 0) return 1.0;
        double rms = Math.sqrt(sum / n);
        return Math.min(MAX_GAIN, Math.min(TARGET_RMS / rms, PEAK_CEILING / Math.max(1, peak)));
    }

    private static byte[] scaled(byte[] pcm, double gain) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            int v = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s * gain)));
            out[i] = (byte) v;
            out[i + 1] = (byte) (v >> 8);
        }
        return out;
    }

    private static byte[] read(BlobStore blobs, ConversionRepository.Paragraph p) throws IOException {
        return blobs.get(p.blobKey()).orElseThrow(() -> new IOException("the audio of a converted paragraph is missing: " + p.blobKey()));
    }
}
