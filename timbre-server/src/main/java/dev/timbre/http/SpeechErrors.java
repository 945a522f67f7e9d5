package dev.timbre.http;

import dev.timbre.speech.SpeechException;

/**
 * The HTTP side of {@link SpeechException}: a full scheduler is 429 {@code too_many_concurrent_requests} with
 * {@code Retry-After}, an engine that refuses the text is a 422 on the text's field, an engine that is unavailable
 * (retryable failure: a remote provider down or timing out) 503 {@code speech_engine_unavailable}, another engine
 * failure 500 {@code synthesis_failed}, an interrupted synthesis 503.
 */
public final class SpeechErrors {
    private SpeechErrors() {}

    /** {@code e} as a response; {@code textLoc} is where a refused text sits in the request ({@code "body", "text"}). */
    public static ApiException of(SpeechException e, Object... textLoc) {
        if (e instanceof SpeechException.Busy) return ApiException.busy("too_many_concurrent_requests", e.getMessage(), 1);
        if (e instanceof SpeechException.Refused) {
            return ApiException.invalid("The engine cannot speak this text: " + e.getMessage(), "value_error", textLoc);
        }
        if (e instanceof SpeechException.Failed f && f.retryable()) {
            // a provider that is down, overloaded or timed out (a remote TTS server): the same request may pass later
            return new ApiException(503, "speech_engine_unavailable", "The speech engine is unavailable, try again later: " + e.getMessage());
        }
        return new ApiException(500, "synthesis_failed", "The speech engine failed: " + e.getMessage());
    }

    /** For a request whose text is {@code body.text}. */
    public static ApiException of(SpeechException e) {
        return of(e, "body", "text");
    }

    /** The request's thread was interrupted (shutdown) while it synthesised. */
    public static ApiException interrupted() {
        return new ApiException(503, "service_unavailable", "The request was interrupted.");
    }
}
