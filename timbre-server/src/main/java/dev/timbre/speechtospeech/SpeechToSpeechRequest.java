package dev.timbre.speechtospeech;

import dev.timbre.audio.OutputFormat;
import dev.timbre.voices.VoiceSettings;

/**
 * One checked {@code POST /v1/speech-to-speech/{voice_id}} request (multipart fields and query parameters).
 *
 * @param settings the request's {@code voice_settings} (validated), or null for the voice's own
 * @param pcm16 {@code file_format=pcm_s16le_16}: the upload is raw 16 kHz mono s16le
 * @param latency {@code optimize_streaming_latency} 0..4 (accepted; phrases are streamed as they are made anyway)
 */
record SpeechToSpeechRequest(String voiceId, String modelId, VoiceSettings settings, Long seed, boolean removeBackgroundNoise,
                             boolean pcm16, OutputFormat format, boolean logging, int latency, byte[] audio, String filename,
                             String contentType) {
    static final String DEFAULT_MODEL = "eleven_english_sts_v2";
}
