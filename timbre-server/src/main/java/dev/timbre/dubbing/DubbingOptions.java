package dev.timbre.dubbing;

/**
 * A dub's request options, stored as JSON in {@code dubbings.options} (snake_case through {@code Json}).
 *
 * @param numSpeakers         0: found by diarization; else that many (1–32)
 * @param startTime           seconds into the source where the dub starts, or null for its start
 * @param endTime             seconds into the source where the dub ends, or null for its end
 * @param useProfanityFilter  accepted as given; Timbre does not mask words (see README)
 */
public record DubbingOptions(int numSpeakers, Integer startTime, Integer endTime, boolean dropBackgroundAudio, boolean disableVoiceCloning,
                             boolean watermark, boolean highestResolution, Boolean useProfanityFilter, String mode, String targetAccent) {}
