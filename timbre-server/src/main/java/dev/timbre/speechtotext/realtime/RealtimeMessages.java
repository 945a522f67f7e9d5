package dev.timbre.speechtotext.realtime;

import java.util.List;

/** The server's messages, in the SDK's shapes (snake_case JSON, {@code message_type} first). */
final class RealtimeMessages {
    private RealtimeMessages() {}

    record Config(int sampleRate, String audioFormat, String languageCode, String commitStrategy, double vadSilenceThresholdSecs,
                  double vadThreshold, int minSpeechDurationMs, int minSilenceDurationMs, String modelId, boolean enableLogging,
                  boolean includeTimestamps, boolean includeLanguageDetection, List<String> keyterms, boolean noVerbatim) {
        static Config of(RealtimeOptions o) {
            return new Config(o.sampleRate(), o.audioFormat(), o.languageCode(), o.commitStrategy(), o.vadSilenceThresholdSecs(),
                    o.vadThreshold(), o.minSpeechDurationMs(), o.minSilenceDurationMs(), o.modelId(), o.enableLogging(),
                    o.includeTimestamps(), o.includeLanguageDetection(), o.keyterms(), o.noVerbatim());
        }
    }

    record SessionStarted(String messageType, String sessionId, Config config) {
        SessionStarted(String sessionId, Config config) {
            this("session_started", sessionId, config);
        }
    }

    /** {@code partial_transcript} or {@code committed_transcript}. */
    record Transcript(String messageType, String text) {}

    /** A word ({@code type} word) or the space between two words ({@code type} spacing), seconds from the session start. */
    record Word(String text, double start, double end, String type, double logprob) {}

    record CommittedWithTimestamps(String messageType, String text, String languageCode, List<Word> words) {
        CommittedWithTimestamps(String text, String languageCode, List<Word> words) {
            this("committed_transcript_with_timestamps", text, languageCode, words);
        }
    }

    record Error(String messageType, String error) {}
}
