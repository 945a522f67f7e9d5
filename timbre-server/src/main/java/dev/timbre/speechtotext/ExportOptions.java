package dev.timbre.speechtotext;

/**
 * One entry of {@code additional_formats}: {@code format} is {@code srt}, {@code txt}, {@code segmented_json},
 * {@code html}, {@code docx} or {@code pdf}; the rest are optional.
 */
public record ExportOptions(String format, Boolean includeSpeakers, Boolean includeTimestamps, Double segmentOnSilenceLongerThanS,
                            Double maxSegmentDurationS, Integer maxSegmentChars, Integer maxCharactersPerLine) {
    boolean speakers() { return includeSpeakers == null || includeSpeakers; }

    boolean timestamps() { return includeTimestamps == null || includeTimestamps; }
}
