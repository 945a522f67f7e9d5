package dev.timbre.speechtotext;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A checked {@code POST /v1/speech-to-text} request, without its audio. Stored as JSON with asynchronous jobs.
 *
 * @param languageCode ISO 639-1 as the engine takes it, null to detect
 * @param granularity {@code none}, {@code word} or {@code character}
 * @param pcmS16le16 the upload is raw 16-bit little-endian mono PCM at 16 kHz ({@code file_format=pcm_s16le_16})
 * @param webhookMetadata a string or object to echo in the webhook delivery; null for none
 */
public record TranscriptionRequest(String modelId, String languageCode, boolean tagAudioEvents, Integer numSpeakers, String granularity,
                                   boolean diarize, Double diarizationThreshold, List<ExportOptions> additionalFormats,
                                   boolean pcmS16le16, Double temperature, Integer seed, boolean useMultiChannel,
                                   boolean webhook, String webhookId, JsonNode webhookMetadata, boolean enableLogging) {
    public TranscriptionRequest {
        additionalFormats = additionalFormats == null ? List.of() : List.copyOf(additionalFormats);
    }
}
