package dev.timbre.convai.conversations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.http.Json;
import java.util.List;

/** The stored form of a transcript: the {@link TranscriptEntry} records as a snake_case JSON array. */
final class TranscriptJson {
    private static final TypeReference<List<TranscriptEntry>> ENTRIES = new TypeReference<>() {};

    private TranscriptJson() {}

    static String write(List<TranscriptEntry> transcript) {
        return Json.write(transcript);
    }

    static List<TranscriptEntry> read(String json) {
        try {
            return Json.MAPPER.readValue(json, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored transcript JSON is malformed", e);
        }
    }
}
