package dev.timbre.voices;

import dev.timbre.common.Ids;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Checks uploaded voice samples (each must decode as WAV or MP3) and keeps their audio in the blob store under
 * {@code voices/{voice_id}/samples/{sample_id}.{wav|mp3}}. {@link #check} writes nothing, so a bad file leaves no trace.
 */
public final class VoiceSamples {
    private final BlobStore blobs;

    public VoiceSamples(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** A sample that decoded, ready to store. */
    public record Checked(String fileName, String mimeType, String extension, byte[] data, double durationSecs) {}

    /** Decodes every upload; the first that is not audio is a 400 {@code invalid_audio}. */
    public List<Checked> check(List<VoiceInput.Upload> uploads) {
        List<Checked> out = new ArrayList<>();
        for (VoiceInput.Upload u : uploads) {
            String name = u.fileName() == null || u.fileName().isBlank() ? "sample" : abbreviate(u.fileName().trim());
            Wav.Decoded decoded;
            try {
                if (u.data().length == 0) throw new IllegalArgumentException("empty file");
                decoded = AudioDecoder.decode(u.data());
            } catch (AudioFormatException e) {
                if (e.kind() == AudioFormatException.Kind.BUSY) throw ApiException.busy(e.code(), "The server is busy decoding other audio; try again shortly.", 1);
                boolean tooBig = e.kind() == AudioFormatException.Kind.TOO_LARGE || e.kind() == AudioFormatException.Kind.TOO_LONG;
                if (tooBig) throw new ApiException(413, e.code(), "The file '" + name + "' could not be used: " + e.getMessage());
                throw ApiException.badRequest("invalid_audio", "The file '" + name + "' is not WAV or MP3 audio that can be decoded");
            } catch (RuntimeException e) {
                throw ApiException.badRequest("invalid_audio", "The file '" + name + "' is not WAV or MP3 audio that can be decoded");
            }
            boolean wav = isRiff(u.data());
            out.add(new Checked(name, wav ? "audio/wav" : "audio/mpeg", wav ? "wav" : "mp3", u.data(),
                    decoded.format().seconds(decoded.pcm().length)));
        }
        return out;
    }

    /** Writes the audio of checked samples and returns their rows; on failure removes what it wrote. */
    public List<VoiceRepository.StoredSample> store(String voiceId, List<Checked> checked, boolean removeBackgroundNoise) {
        List<VoiceRepository.StoredSample> rows = new ArrayList<>();
        long now = System.currentTimeMillis();
        try {
            for (Checked c : checked) {
                String sampleId = Ids.random();
                String key = "voices/" + voiceId + "/samples/" + sampleId + "." + c.extension();
                blobs.put(key, c.data());
                rows.add(new VoiceRepository.StoredSample(sampleId, voiceId, c.fileName(), c.mimeType(), c.data().length,
                        HexFormat.of().formatHex(Ids.sha256(c.data())), c.durationSecs(), removeBackgroundNoise, key, now + rows.size()));
            }
        } catch (IOException e) {
            discard(rows);
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Deletes the audio of these samples; missing blobs are fine. */
    public void discard(List<VoiceRepository.StoredSample> samples) {
        for (VoiceRepository.StoredSample s : samples) {
            try {
                blobs.delete(s.blobKey());
            } catch (IOException | RuntimeException ignored) {
                // best effort: an orphaned blob is harmless, a failed request is not
            }
        }
    }

    public Optional<byte[]> audio(VoiceRepository.StoredSample s) {
        try {
            return blobs.get(s.blobKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRiff(byte[] d) {
        return d.length >= 4 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F';
    }

    private static String abbreviate(String s) {
        return s.length() > 255 ? s.substring(0, 255) : s;
    }
}
