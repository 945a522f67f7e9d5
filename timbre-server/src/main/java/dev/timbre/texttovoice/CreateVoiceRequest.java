package dev.timbre.texttovoice;

import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON body of {@code POST /v1/text-to-voice}: a preview to keep as a voice. */
public record CreateVoiceRequest(String voiceName, String voiceDescription, String generatedVoiceId, Map<String, String> labels,
                                 List<String> playedNotSelectedVoiceIds) {

    /** Checks required fields and limits; every violation in one 422. */
    CreateVoiceRequest validate() {
        List<Violation> v = new ArrayList<>();
        if (voiceName == null) v.add(new Violation(List.of("body", "voice_name"), "Field required", "missing"));
        else DesignRequest.length(v, voiceName.strip(), 1, 200, "voice_name");
        if (voiceDescription == null) v.add(new Violation(List.of("body", "voice_description"), "Field required", "missing"));
        else DesignRequest.length(v, voiceDescription, 20, 1000, "voice_description");
        if (generatedVoiceId == null) v.add(new Violation(List.of("body", "generated_voice_id"), "Field required", "missing"));
        if (labels != null && (labels.size() > 50 || labels.entrySet().stream()
                .anyMatch(e -> e.getKey().length() > 100 || (e.getValue() != null && e.getValue().length() > 500)))) {
            v.add(new Violation(List.of("body", "labels"), "Labels must be at most 50 keys of 100 characters with values of 500", "value_error"));
        }
        if (!v.isEmpty()) throw ApiException.validation(v);
        return this;
    }
}
