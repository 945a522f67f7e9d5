package dev.timbre.openai;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import dev.timbre.http.ErrorBodies;
import dev.timbre.http.Json;
import dev.timbre.http.MediaType;
import dev.timbre.http.MultipartForm;
import dev.timbre.speechtotext.SpeechToTextService;
import dev.timbre.speechtotext.TranscriptModels.Chunk;
import dev.timbre.speechtotext.TranscriptModels.Word;
import dev.timbre.speechtotext.TranscriptSegments;
import dev.timbre.speechtotext.TranscriptionRequest;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI's {@code POST /v1/audio/transcriptions} on the speech-to-text use case. The OpenAI models
 * ({@code whisper-1}, {@code gpt-4o-transcribe}, {@code gpt-4o-mini-transcribe}) run as {@code scribe_v1}; ElevenLabs
 * speech-to-text model ids are accepted as they are. {@code response_format} {@code json} ({@code {"text"}}),
 * {@code text}, {@code srt}, {@code vtt} or {@code verbose_json} (language, duration, segments and/or words per
 * {@code timestamp_granularities[]}); {@code stream=true} sends {@code transcript.text.delta} events and
 * {@code transcript.text.done}. {@code prompt} is ignored. Transcripts are not stored (OpenAI has no transcript
 * resource). Every error of this path, auth included, is an OpenAI error body ({@link OpenAiErrors}).
 */
public final class OpenAiTranscriptionRoutes implements EndpointGroup {
    static final Map<String, String> MODELS = Map.of("whisper-1", "scribe_v1", "gpt-4o-transcribe", "scribe_v1",
            "gpt-4o-mini-transcribe", "scribe_v1");
    static final Set<String> FORMATS = Set.of("json", "text", "srt", "verbose_json", "vtt");

    private final SpeechToTextService service;
    private final long maxUploadBytes;

    public OpenAiTranscriptionRoutes(SpeechToTextService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        before("transcriptions", ctx -> ErrorBodies.useShape(ctx, OpenAiErrors::write));
        post("transcriptions", this::transcribe);
    }

    /** The checked fields of one request. */
    record Options(String model, String language, String format, Double temperature, Set<String> granularities, boolean stream) {}

    static Options parse(MultipartForm form) {
        String model = form.field("model").map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> OpenAiErrors.invalid("model", "you must provide a model parameter"));
        String format = form.field("response_format").map(String::trim).orElse("json");
        if (!FORMATS.contains(format)) {
            throw OpenAiErrors.invalid("response_format", "Invalid response_format '" + format + "'. Expected one of: json, text, srt, verbose_json, vtt.");
        }
        Double temperature = null;
        if (form.field("temperature").isPresent()) {
            String t = form.field("temperature").get().trim();
            try {
                temperature = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw OpenAiErrors.invalid("temperature", "Invalid temperature '" + t + "': expected a number between 0 and 1.");
            }
            if (!(temperature >= 0 && temperature <= 1)) {
                throw OpenAiErrors.invalid("temperature", "Invalid temperature " + t + ": expected a number between 0 and 1.");
            }
        }
        Set<String> granularities = new java.util.LinkedHashSet<>();
        for (String g : form.values("timestamp_granularities[]", "timestamp_granularities")) {
            String v = g.trim();
            if (!v.equals("word") && !v.equals("segment")) {
                throw OpenAiErrors.invalid("timestamp_granularities", "Invalid timestamp granularity '" + v + "'. Expected 'word' or 'segment'.");
            }
            granularities.add(v);
        }
        boolean stream = form.field("stream").map(v -> {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (!s.equals("true") && !s.equals("false")) throw OpenAiErrors.invalid("stream", "Invalid stream '" + v + "': expected true or false.");
            return s.equals("true");
        }).orElse(false);
        String language = form.field("language").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        return new Options(model, language, format, temperature, Set.copyOf(granularities), stream);
    }

    private void transcribe(Context ctx) throws IOException {
        MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
        List<MultipartForm.File> files = form.files("file");
        if (files.isEmpty()) throw OpenAiErrors.invalid("file", "you must provide a file parameter");
        if (files.size() > 1) throw OpenAiErrors.invalid("file", "Only one file may be uploaded");
        Options o = parse(form);
        byte[] audio = files.get(0).data();
        TranscriptionRequest request = new TranscriptionRequest(MODELS.getOrDefault(o.model(), o.model()), o.language(), false, null,
                "word", false, null, List.of(), false, o.temperature(), null, false, false, null, null, false);
        Chunk chunk;
        try {
            chunk = (Chunk) service.transcribe(request, audio);
        } catch (ApiException e) {
            if (e.isValidation() && e.violations().get(0).loc().contains("language_code")) throw OpenAiErrors.invalid("language", e.getMessage());
            throw e;
        }
        if (o.stream()) {
            stream(ctx, chunk);
            return;
        }
        switch (o.format()) {
            case "text" -> text(ctx, chunk.text() + "\n");
            case "srt" -> text(ctx, TranscriptSegments.srt(chunk));
            case "vtt" -> text(ctx, TranscriptSegments.vtt(chunk));
            case "verbose_json" -> ctx.json(verbose(chunk, o, duration(audio)));
            default -> ctx.json(Map.of("text", chunk.text()));
        }
    }

    private static void text(Context ctx, String body) {
        ctx.contentType("text/plain; charset=utf-8").result(body);
    }

    /** The audio's length in seconds; the service has decoded it once already, so this cannot fail on bad audio. */
    private static double duration(byte[] audio) {
        Wav.Decoded d = dev.timbre.speechtotext.AudioInput.mono(audio);
        return Math.round(d.format().seconds(d.pcm().length) * 1000) / 1000.0;
    }

    static Map<String, Object> verbose(Chunk chunk, Options o, double duration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", "transcribe");
        body.put("language", languageName(chunk.languageCode()));
        body.put("duration", duration);
        body.put("text", chunk.text());
        Set<String> g = o.granularities().isEmpty() ? Set.of("segment") : o.granularities();
        if (g.contains("word")) {
            List<Map<String, Object>> words = new ArrayList<>();
            for (Word w : chunk.words()) {
                if (!w.type().equals("word")) continue;
                words.add(orderedMap("word", w.text(), "start", w.start(), "end", w.end()));
            }
            body.put("words", words);
        }
        if (g.contains("segment")) {
            List<Map<String, Object>> segments = new ArrayList<>();
            int id = 0;
            for (TranscriptSegments.Timed s : TranscriptSegments.of(chunk)) {
                Map<String, Object> seg = orderedMap("id", id++, "seek", 0, "start", s.start(), "end", s.end(), "text", s.text());
                seg.putAll(orderedMap("tokens", List.of(), "temperature", o.temperature() == null ? 0.0 : o.temperature(),
                        "avg_logprob", 0.0, "compression_ratio", 1.0, "no_speech_prob", 0.0));
                segments.add(seg);
            }
            body.put("segments", segments);
        }
        body.put("usage", orderedMap("type", "duration", "seconds", (long) Math.ceil(duration)));
        return body;
    }

    private static Map<String, Object> orderedMap(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** OpenAI names the language in English ({@code english}), not by code. */
    static String languageName(String code) {
        if (code == null || code.isBlank()) return "english";
        String name = new Locale(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name.toLowerCase(Locale.ROOT);
    }

    /** {@code stream=true}: one {@code transcript.text.delta} per word, then {@code transcript.text.done}. */
    private static void stream(Context ctx, Chunk chunk) throws IOException {
        MediaType.set(ctx, "text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        OutputStream out = ctx.res().getOutputStream();
        boolean first = true;
        for (Word w : chunk.words()) {
            if (!w.type().equals("word")) continue;
            event(out, orderedMap("type", "transcript.text.delta", "delta", (first ? "" : " ") + w.text()));
            first = false;
        }
        event(out, orderedMap("type", "transcript.text.done", "text", chunk.text()));
    }

    private static void event(OutputStream out, Object data) throws IOException {
        out.write(("data: " + Json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
