package dev.timbre.voices.pvc;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Wire shapes of {@code /v1/voices/pvc}, named and ordered as in the OpenAPI (snake_case through the one mapper). */
final class PvcModels {
    private PvcModels() {}

    /** {@code Body_Create_PVC_voice…} and {@code Body_Edit_PVC_voice…}; {@code description} as the guides show it. */
    record VoiceBody(String name, String language, String description, Map<String, String> labels) {}

    /** {@code Body_Update_PVC_voice_sample…}; trims in milliseconds. */
    record SampleBody(Boolean removeBackgroundNoise, List<String> selectedSpeakerIds, Integer trimStartTime, Integer trimEndTime) {}

    /** {@code Body_Run_PVC_training…}. */
    record TrainBody(String modelId) {}

    /** {@code AddVoiceResponseModel}. */
    record VoiceId(String voiceId) {}

    /** {@code StartPVCVoiceTrainingResponseModel}, {@code DeleteVoiceSampleResponseModel} and the other {@code {status}}. */
    record Status(String status) {
        static final Status OK = new Status("ok");
    }

    /** {@code VoiceSamplePreviewResponseModel}. */
    record SampleAudio(@JsonProperty("audio_base_64") String audioBase64, String voiceId, String sampleId, String mediaType,
                       Double durationSecs) {}

    /** {@code VoiceSampleVisualWaveformResponseModel}: peak levels 0..1 over equal slices of the sample. */
    record Waveform(String sampleId, List<Double> visualWaveform) {}

    /** {@code SpeakerSeparationResponseModel}; status not_started | pending | completed | failed. */
    record Separation(String voiceId, String sampleId, String status, Map<String, Speaker> speakers, List<String> selectedSpeakerIds) {}

    /** {@code SpeakerResponseModel}; seconds. */
    record Speaker(String speakerId, double durationSecs, List<Utterance> utterances) {}

    /** {@code UtteranceResponseModel}; seconds from the start of the sample. */
    record Utterance(double start, double end) {}

    /** {@code SpeakerAudioResponseModel}. */
    record SpeakerAudio(@JsonProperty("audio_base_64") String audioBase64, String mediaType, double durationSecs) {}

    /** {@code GET …/captcha}: the OpenAPI leaves the object open; the text to read aloud and how to send it. */
    record Captcha(String text, String instructions) {}

    /** {@code VerificationAttemptResponseModel}; similarity 0..1 (speaker), levenshtein_distance in words. */
    record VerificationAttempt(String text, long dateUnix, boolean accepted, double similarity, double levenshteinDistance,
                               Object recording) {}

    /** {@code ManualVerificationResponseModel}. */
    record ManualVerification(String extraText, long requestTimeUnix, List<ManualFile> files) {}

    /** {@code ManualVerificationFileResponseModel}. */
    record ManualFile(String fileId, String fileName, String mimeType, long sizeBytes, long uploadDateUnix) {}
}
