package dev.timbre.texttospeech;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.timbre.http.ApiException;
import dev.timbre.sockets.SocketSender;
import dev.timbre.speech.CharacterAlignment;
import dev.timbre.speech.SpeechChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Server messages of the stream-input sockets, field names exactly as the AsyncAPI spells them (camelCase, unlike the
 * REST API). Alignment times are whole milliseconds relative to the start of the generation they belong to.
 */
final class StreamInputReplies {
    private StreamInputReplies() {}

    /** {@code Alignment} / {@code NormalizedAlignment}: characters with start times and durations in ms. */
    @JsonPropertyOrder({"charStartTimesMs", "charsDurationsMs", "chars"})
    record Alignment(@JsonProperty("charStartTimesMs") List<Integer> charStartTimesMs,
                     @JsonProperty("charsDurationsMs") List<Integer> charsDurationsMs,
                     @JsonProperty("chars") List<String> chars) {
        static final Alignment EMPTY = new Alignment(List.of(), List.of(), List.of());

        /** The alignment of {@code a}, or {@code ifNone} when the chunk settled no character. */
        static Alignment of(CharacterAlignment a, Alignment ifNone) {
            if (a == null) return ifNone;
            List<Integer> starts = new ArrayList<>(), durations = new ArrayList<>();
            for (int i = 0; i < a.characters().size(); i++) {
                int start = ms(a.characterStartTimesSeconds().get(i));
                starts.add(start);
                durations.add(Math.max(0, ms(a.characterEndTimesSeconds().get(i)) - start));
            }
            return new Alignment(starts, durations, a.characters());
        }

        private static int ms(double seconds) {
            return (int) Math.round(seconds * 1000);
        }
    }

    /** {@code AudioOutput}: {@code isFinal} is null on audio chunks. */
    @JsonPropertyOrder({"audio", "isFinal", "normalizedAlignment", "alignment"})
    record Audio(@JsonProperty("audio") String audio, @JsonProperty("isFinal") Boolean isFinal,
                 @JsonProperty("normalizedAlignment") Alignment normalizedAlignment, @JsonProperty("alignment") Alignment alignment) {}

    /** {@code FinalOutput}: the stream is complete; no audio follows. */
    record Final(@JsonProperty("isFinal") boolean isFinal) {}

    /** {@code AudioOutputMulti}: an audio chunk of one context ({@code is_final} false, as in the spec's example). */
    @JsonPropertyOrder({"audio", "is_final", "normalizedAlignment", "alignment", "contextId"})
    record MultiAudio(@JsonProperty("audio") String audio, @JsonProperty("is_final") boolean isFinal,
                      @JsonProperty("normalizedAlignment") Alignment normalizedAlignment, @JsonProperty("alignment") Alignment alignment,
                      @JsonProperty("contextId") String contextId) {}

    /**
     * {@code FinalOutputMulti}: a context's flushed or closed audio is complete. The schema names the flag
     * {@code isFinal} and the message union {@code is_final}; both are sent so either reading works.
     */
    @JsonPropertyOrder({"isFinal", "is_final", "contextId"})
    record MultiFinal(@JsonProperty("isFinal") boolean isFinal, @JsonProperty("is_final") boolean isFinalSnake,
                      @JsonProperty("contextId") String contextId) {}

    /** A failure, after which the server closes the socket with {@code code}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(@JsonProperty("message") String message, @JsonProperty("error") String error, @JsonProperty("code") int code) {}

    /** The message for one encoded chunk; {@code contextId} null on the single-context socket. */
    static Object audio(SpeechChunk chunk, boolean syncAlignment, String contextId) {
        Alignment none = syncAlignment ? Alignment.EMPTY : null;
        Alignment normalized = Alignment.of(chunk.normalizedAlignment(), none), original = Alignment.of(chunk.alignment(), none);
        String audio = Base64.getEncoder().encodeToString(chunk.audio());
        return contextId == null ? new Audio(audio, null, normalized, original) : new MultiAudio(audio, false, normalized, original, contextId);
    }

    static Object finished(String contextId) {
        return contextId == null ? new Final(true) : new MultiFinal(true, true, contextId);
    }

    /** Sends the error message for {@code e} ({@code {"message","error","code"}}) and closes with its code. */
    static void fail(SocketSender out, ApiException e) {
        int code = e.status() >= 500 ? SocketSender.SERVER_ERROR : SocketSender.POLICY;
        String message = e.isValidation() ? describe(e.violations().get(0)) : e.getMessage();
        try {
            out.send(new Error(message, e.code(), code));
        } catch (IOException gone) {
            // nobody left to tell
        }
        out.close(code, message);
    }

    private static String describe(ApiException.Violation v) {
        return String.join(".", v.loc().stream().map(String::valueOf).toList()) + ": " + v.msg();
    }
}
