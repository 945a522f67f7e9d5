package dev.timbre.history;

import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** File names, WAV transcoding and zip packing for history downloads. */
final class AudioFiles {
    private static final Map<String, String> EXTENSIONS = Map.of(
            "audio/mpeg", "mp3", "audio/mp3", "mp3", "audio/wav", "wav", "audio/x-wav", "wav", "audio/pcm", "pcm",
            "audio/basic", "ulaw", "audio/x-alaw-basic", "alaw", "audio/opus", "opus", "audio/ogg", "ogg");

    private AudioFiles() {}

    /** One file of a download: the item, the media type of {@code data} and the bytes. */
    record Entry(HistoryItem item, String contentType, byte[] data) {
        String fileName() {
            return item.historyItemId() + "." + extension(contentType, null);
        }
    }

    /** The file extension for stored audio: from the output format when it parses, else from the media type. */
    static String extension(String contentType, String outputFormat) {
        var format = OutputFormat.parse(outputFormat);
        if (format.isPresent()) return format.get().fileExtension();
        String base = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        return EXTENSIONS.getOrDefault(base, "bin");
    }

    /** Decodes MP3, WAV or raw PCM (rate from the item's output format) and wraps it as 16-bit mono WAV. */
    static Entry toWav(HistoryItem item, byte[] audio) {
        var format = OutputFormat.parse(item.outputFormat());
        try {
            Wav.Decoded decoded;
            if (format.isPresent() && format.get().codec() == OutputFormat.Codec.PCM) {
                decoded = new Wav.Decoded(new PcmFormat(format.get().sampleRate()), audio);
            } else {
                decoded = AudioDecoder.decode(audio);
            }
            return new Entry(item, "audio/wav", Wav.wrap(decoded.pcm(), decoded.format()));
        } catch (dev.timbre.audio.AudioFormatException e) {
            if (e.kind() == dev.timbre.audio.AudioFormatException.Kind.BUSY) {
                throw ApiException.busy(e.code(), "The server is busy decoding other audio; try again shortly.", 1);
            }
            throw ApiException.badRequest("invalid_output_format", "History item '" + item.historyItemId() + "' cannot be converted to wav");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_output_format", "History item '" + item.historyItemId() + "' cannot be converted to wav");
        }
    }

    static Download single(Entry e) {
        return new Download(e.contentType(), e.fileName(), e.data());
    }

    static Download zip(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry e : entries) {
                ZipEntry z = new ZipEntry(e.fileName());
                z.setTime(e.item().dateUnix() * 1000);
                zip.putNextEntry(z);
                zip.write(e.data());
                zip.closeEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Download("application/zip", "history.zip", bytes.toByteArray());
    }
}
