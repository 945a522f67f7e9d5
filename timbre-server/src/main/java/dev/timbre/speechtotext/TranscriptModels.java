package dev.timbre.speechtotext;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The wire shapes of {@code /v1/speech-to-text} (snake_case through {@code Json.MAPPER}). */
public final class TranscriptModels {
    private TranscriptModels() {}

    /** {@code SpeechToTextCharacterResponseModel}. */
    public record Character(String text, Double start, Double end) {}

    /** {@code SpeechToTextWordResponseModel}; {@code type} is {@code word}, {@code spacing} or {@code audio_event}. */
    public record Word(String text, Double start, Double end, String type, String speakerId, double logprob,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Character> characters) {}

    /** {@code AdditionalFormatResponseModel}. */
    public record AdditionalFormat(String requestedFormat, String fileExtension, String contentType, boolean isBase64Encoded, String content) {}

    /** {@code SpeechToTextChunkResponseModel}. */
    public record Chunk(String languageCode, double languageProbability, String text, List<Word> words,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer channelIndex,
                        List<AdditionalFormat> additionalFormats, String transcriptionId) {
        Chunk withTranscriptionId(String id) {
            return new Chunk(languageCode, languageProbability, text, words, channelIndex, additionalFormats, id);
        }
    }

    /** {@code MultichannelSpeechToTextResponseModel}. */
    public record Multichannel(List<Chunk> transcripts, String transcriptionId) {}

    /** {@code SpeechToTextWebhookResponseModel}: the acknowledgement of an asynchronous request. */
    public record WebhookAck(String message, String requestId, String transcriptionId) {}
}
