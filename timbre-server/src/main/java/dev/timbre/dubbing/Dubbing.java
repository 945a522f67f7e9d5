package dev.timbre.dubbing;

import java.util.List;

/**
 * A stored dub (a row of {@code dubbings}).
 *
 * @param sourceLang  ISO 639-1, or {@code auto} until the transcription stage has detected it
 * @param stage       the last pipeline stage whose result is stored ({@link DubbingPipeline.Stage})
 * @param options     the request's options as JSON ({@link DubbingOptions})
 * @param durationSec the length of the dubbed range of the source, seconds
 * @param attempts    pipeline runs started (counted before each starts, so a crash counts)
 */
public record Dubbing(String id, String name, String status, String error, String stage, String sourceLang, List<String> targetLangs,
                      String options, String contentType, boolean isVideo, double durationSec, String sourceKey, int attempts,
                      boolean editable, int version, long createdMs) {
    public static final String DUBBING = "dubbing", DUBBED = "dubbed", FAILED = "failed";

    public Dubbing {
        targetLangs = List.copyOf(targetLangs);
    }
}
