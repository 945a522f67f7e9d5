package dev.timbre.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.common.Ids;
import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiException;
import dev.timbre.texttospeech.TextToSpeechRequest;
import java.util.Map;

/**
 * Checks an OpenAI speech request and translates it into Timbre's terms; each check throws an {@link ApiException}
 * that {@link OpenAiErrors} writes as a 400 naming the field (404 for an unknown voice).
 */
final class OpenAiSpeechChecks {
    static final int MAX_INPUT = 4096;
    static final double MIN_SPEED = 0.25, MAX_SPEED = 4.0;

    /** OpenAI model ids on ElevenLabs model ids; any other id is passed on as an ElevenLabs TTS model id. */
    static final Map<String, String> MODELS = Map.of(
            "tts-1", "eleven_flash_v2_5",
            "tts-1-hd", "eleven_multilingual_v2",
            "gpt-4o-mini-tts", "eleven_multilingual_v2");

    /**
     * {@code response_format} on output formats. OpenAI's pcm and wav are 24 kHz 16-bit mono; opus comes in Ogg.
     * aac and flac have no pure-Java encoder here.
     */
    static final Map<String, String> FORMATS = Map.of(
            "mp3", "mp3_44100_128",
            "opus", "opus_48000_64",
            "wav", "wav_24000",
            "pcm", "pcm_24000");

    /** A checked request: the voice id to speak with, the ElevenLabs request, the engine speed, format, SSE or not. */
    record Speech(String voiceId, TextToSpeechRequest request, double speed, OutputFormat format, boolean sse) {}

    private OpenAiSpeechChecks() {}

    static Speech check(OpenAiSpeechRequest r, OpenAiVoices voices) {
        String model = required(r.model(), "model");
        String input = r.input();
        if (input == null) throw OpenAiErrors.invalid("input", "Missing required parameter: 'input'.");
        if (input.isBlank()) throw OpenAiErrors.invalid("input", "'input' must not be empty.");
        if (input.length() > MAX_INPUT) {
            throw OpenAiErrors.invalid("input", "'input' is " + input.length() + " characters long; the maximum is " + MAX_INPUT + ".");
        }
        String voiceId = voiceId(r.voice(), voices);
        double speed = r.speed() == null ? 1.0 : r.speed();
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw OpenAiErrors.invalid("speed", "'speed' must be between " + MIN_SPEED + " and " + MAX_SPEED + "; got " + r.speed() + ".");
        }
        OutputFormat format = format(r.responseFormat());
        boolean sse = sse(r.streamFormat());
        TextToSpeechRequest request = new TextToSpeechRequest(input, MODELS.getOrDefault(model, model), null, null, null, null,
                null, null, null, null, null, null, null);
        return new Speech(voiceId, request, speed, format, sse);
    }

    private static String required(String value, String param) {
        if (value == null || value.isBlank()) throw OpenAiErrors.invalid(param, "Missing required parameter: '" + param + "'.");
        return value;
    }

    /** An OpenAI name, a Timbre voice id, or {@code {"id": …}}; 404 when it is none of them. */
    private static String voiceId(JsonNode voice, OpenAiVoices voices) {
        JsonNode v = voice != null && voice.isObject() ? voice.get("id") : voice;
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw OpenAiErrors.invalid("voice", "Missing required parameter: 'voice'.");
        }
        if (!v.isTextual()) throw OpenAiErrors.invalid("voice", "'voice' must be a string or an object with an 'id'.");
        String name = v.asText().trim();
        return voices.voiceId(name).orElseGet(() -> {
            if (!Ids.isSafe(name)) throw ApiException.notFound("voice_not_found", "A voice with the voice_id '" + name + "' was not found.");
            return name;
        });
    }

    private static OutputFormat format(String responseFormat) {
        String f = responseFormat == null ? "mp3" : responseFormat;
        if (f.equals("aac") || f.equals("flac")) {
            throw OpenAiErrors.invalid("response_format", "response_format '" + f + "' is not supported by this server; use mp3, opus, wav or pcm.");
        }
        String id = FORMATS.get(f);
        if (id == null) {
            throw OpenAiErrors.invalid("response_format", "Invalid response_format '" + f + "'; expected one of mp3, opus, aac, flac, wav, pcm.");
        }
        return OutputFormat.parse(id).orElseThrow();
    }

    private static boolean sse(String streamFormat) {
        if (streamFormat == null || streamFormat.equals("audio")) return false;
        if (streamFormat.equals("sse")) return true;
        throw OpenAiErrors.invalid("stream_format", "Invalid stream_format '" + streamFormat + "'; expected 'audio' or 'sse'.");
    }
}
