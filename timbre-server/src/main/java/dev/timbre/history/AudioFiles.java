package dev.timbre.history;

import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Refuses (400) an item {@link #toWav} cannot decode, before a download writes anything. */
    static void checkConvertible(HistoryItem item) {
        var format = OutputFormat.parse(item.outputFormat());
        boolean ok = format.isPresent()
                ? Set.of(OutputFormat.Codec.PCM, OutputFormat.Codec.MP3, OutputFormat.Codec.WAV).contains(format.get().codec())
                : Set.of("mp3", "wav").contains(extension(item.contentType(), null));
        if (!ok) throw ApiException.badRequest("invalid_output_format", "History item '" + item.historyItemId() + "' cannot be converted to wav");
    }

    /** Opens one stored item's audio (the caller closes it); a missing blob is an {@link IOException}. */
    interface Opener {
        InputStream open(HistoryRepository.Stored item) throws IOException;
    }

    /**
     * Writes a zip of {@code items} to {@code out}, one entry at a time: stored audio is copied from its stream;
     * WAV conversion reads one item into memory. Does not close {@code out}.
     */
    static void zip(List<HistoryRepository.Stored> items, boolean wav, Opener opener, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (HistoryRepository.Stored s : items) {
            ZipEntry z = new ZipEntry(new Entry(s.item(), wav ? "audio/wav" : s.item().contentType(), null).fileName());
            z.setTime(s.item().dateUnix() * 1000);
            zip.putNextEntry(z);
            try (InputStream in = opener.open(s)) {
                if (wav) zip.write(toWav(s.item(), in.readAllBytes()).data());
                else in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }
}
