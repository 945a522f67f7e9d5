package dev.timbre.dubbing;

import dev.timbre.audio.AudioContainer;
import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.engine.SpeechToText;
import dev.timbre.http.ApiException;
import dev.timbre.translation.LanguagePair;
import dev.timbre.translation.Translators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@code POST /v1/dubbing} checks before accepting a dub: a recogniser is loaded (else 503); the target language
 * is spoken by some speech engine and translatable from the source (or, for {@code auto}, from a language the
 * recogniser knows) — else 400 naming what is available; the media is audio or video with an audio track (ffprobe;
 * without ffmpeg: WAV, MP3, FLAC, Ogg Opus decoded in process), not longer than {@code maxSeconds} in the range to dub.
 * Thread-safe.
 */
final class DubbingChecks {
    private static final Set<String> ISO = Set.of(Locale.getISOLanguages());

    /** The accepted source: its content type, whether it is a video, the seconds to dub. */
    record Source(String contentType, boolean video, double seconds) {}

    private final Supplier<SpeechToText> recogniser;
    private final Translators translators;
    private final SpeakerVoices voices;
    private final Media media;
    private final UploadDecoder decoder;
    private final long maxSeconds;

    DubbingChecks(Supplier<SpeechToText> recogniser, Translators translators, SpeakerVoices voices, Media media, UploadDecoder decoder, long maxSeconds) {
        this.recogniser = recogniser;
        this.translators = translators;
        this.voices = voices;
        this.media = media;
        this.decoder = decoder;
        this.maxSeconds = maxSeconds;
    }

    /** ISO 639-1 of a language code or tag ({@code en}, {@code en-US}, {@code eng}); a 422 at {@code field} otherwise. */
    static String language(String code, String field) {
        String c = LanguagePair.primary(code);
        if (!ISO.contains(c)) throw ApiException.invalid("'" + code + "' is not a known language code", "value_error", "body", field);
        return c;
    }

    /**
     * The target is spoken here; with {@code recognised} (no CSV transcript) also a recogniser is loaded, hears the
     * source and some translator takes it to the target (a CSV dub checks its translator with {@link #translatable}).
     */
    void languages(String source, String target, boolean recognised) {
        SpeechToText stt = recognised ? recogniser.get() : null; // 503 when none is loaded
        if (voices.providerFor(target).isEmpty()) {
            throw ApiException.badRequest("unsupported_language", "No speech engine on this server speaks '" + target + "'. Languages spoken: "
                    + String.join(", ", voices.spokenLanguages()) + ".");
        }
        if (!recognised) return;
        Set<String> heard = stt.info().capabilities().languages();
        if (!source.equals("auto") && !heard.contains(source)) {
            throw ApiException.badRequest("unsupported_language", "The speech-to-text engine does not recognise '" + source
                    + "'. Languages recognised: " + String.join(", ", heard.stream().sorted().toList()) + ".");
        }
        List<String> from = source.equals("auto") ? heard.stream().sorted().toList() : List.of(source);
        for (String s : from) {
            try {
                translators.forPair(new LanguagePair(s, target));
                return;
            } catch (Translators.UnsupportedPair e) {
                // try the next source language
            }
        }
        throw ApiException.badRequest("unsupported_language_pair", "No translator for " + String.join("/", from) + " to " + target
                + ". Available: " + translators.available() + ".");
    }

    /** Some translator takes {@code source} to {@code target}; else 400 naming those available. */
    void translatable(String source, String target) {
        try {
            translators.forPair(new LanguagePair(source, target));
        } catch (Translators.UnsupportedPair e) {
            throw ApiException.badRequest("unsupported_language_pair", "No translator for " + source + " to " + target + " (the CSV leaves "
                    + "translations empty). Available: " + translators.available() + ".");
        }
    }

    /** A foreground or background track: audio that can be read, not longer than the limit; else a 422 at {@code field}. */
    void track(byte[] data, String field) {
        try {
            media(data, null, new DubbingOptions(0, null, null, false, false, false, false, null, "manual", null, null, null, null, null));
        } catch (ApiException e) {
            throw ApiException.invalid(field + ": " + e.getMessage(), "value_error", "body", field);
        }
    }

    Source media(byte[] data, String uploadedType, DubbingOptions o) {
        if (data.length == 0) throw ApiException.invalid("The uploaded file is empty", "value_error", "body", "file");
        double seconds;
        boolean video;
        String type;
        if (media.available()) {
            Optional<Media.Probe> probe;
            Path file = null;
            try {
                file = Media.temp(".bin", data);
                probe = media.probe(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DubbingFailure e) {
                throw new ApiException(503, "service_unavailable", "The media could not be inspected: " + e.getMessage());
            } finally {
                if (file != null) try { Files.deleteIfExists(file); } catch (IOException ignored) { /* a temp file */ }
            }
            Media.Probe p = probe.orElseThrow(() -> ApiException.badRequest("invalid_media", "The file is not audio or video that can be read."));
            if (!p.hasAudio()) throw ApiException.badRequest("no_audio_track", "The file has no audio track to dub.");
            seconds = p.durationSec();
            video = p.hasVideo() && !p.format().contains("mp3") && !p.format().contains("wav") && !p.format().contains("flac");
            type = contentType(p.format(), video);
        } else {
            AudioContainer c = AudioContainer.detect(data);
            try {
                Wav.Decoded d = decoder.decode(data, 16000);
                seconds = d.pcm().length / 2.0 / d.format().sampleRate();
            } catch (AudioFormatException e) {
                throw ApiException.badRequest(e.code(), "The file could not be used: " + e.getMessage()
                        + (c == AudioContainer.MP4 || c == AudioContainer.MATROSKA ? " (video needs ffmpeg on this server)" : ""));
            }
            video = false;
            type = switch (c) {
                case WAV -> "audio/wav";
                case MP3 -> "audio/mpeg";
                case FLAC -> "audio/flac";
                default -> "audio/ogg";
            };
        }
        if (uploadedType != null && (uploadedType.startsWith("audio/") || uploadedType.startsWith("video/"))) type = uploadedType;
        double start = o.startTime() == null ? 0 : o.startTime();
        double end = o.endTime() == null ? seconds : Math.min(seconds, o.endTime());
        if (start >= seconds) throw ApiException.badRequest("invalid_time_range", "start_time is past the end of the media (" + Math.round(seconds) + " s).");
        if (end - start > maxSeconds) {
            throw ApiException.badRequest("media_too_long", "The range to dub lasts " + Math.round(end - start) + " s; this server dubs at most "
                    + maxSeconds + " s at a time.");
        }
        return new Source(type, video, end - start);
    }

    private static String contentType(String format, boolean video) {
        if (format.contains("mp4") || format.contains("mov")) return video ? "video/mp4" : "audio/mp4";
        if (format.contains("webm") || format.contains("matroska")) return video ? "video/webm" : "audio/webm";
        if (format.contains("mp3")) return "audio/mpeg";
        if (format.contains("wav")) return "audio/wav";
        if (format.contains("flac")) return "audio/flac";
        if (format.contains("ogg")) return "audio/ogg";
        return video ? "video/" + format.split(",")[0] : "audio/" + format.split(",")[0];
    }

    /** A guess at the wall time of a dub of {@code seconds} on this server (measured: see docs/benchmarks.md). */
    static double expectedSeconds(double seconds) {
        return Math.round((15 + seconds * 1.5) * 10) / 10.0;
    }
}
