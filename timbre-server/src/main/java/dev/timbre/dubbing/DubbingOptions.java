package dev.timbre.dubbing;

/**
 * A dub's request options, stored as JSON in {@code dubbings.options} (snake_case through {@code Json}).
 *
 * @param numSpeakers         0: found by diarization; else that many (1–32)
 * @param startTime           seconds into the source where the dub starts, or null for its start
 * @param endTime             seconds into the source where the dub ends, or null for its end
 * @param watermark           a video dub's video carries a small "Timbre" mark ({@link VideoLook}); audio ignores it
 * @param highestResolution   false: a video taller than 720 lines is scaled down to 720 ({@link VideoLook}); true: kept
 * @param useProfanityFilter  true: transcripts and the resource show profanities as {@code [censored]}
 * @param csvFps              {@code csv_fps}, or null to infer the frame rate from the CSV's timecodes
 * @param csv                 true: a {@code csv_file} was stored ({@code source.csv}); the transcript comes from it
 * @param foreground          true: a {@code foreground_audio_file} was stored ({@code foreground.bin}), the speech
 * @param background          true: a {@code background_audio_file} was stored ({@code background.bin}), the background
 *                            (the three are null in dubs stored before manual dubbing; null means false)
 */
public record DubbingOptions(int numSpeakers, Integer startTime, Integer endTime, boolean dropBackgroundAudio, boolean disableVoiceCloning,
                             boolean watermark, boolean highestResolution, Boolean useProfanityFilter, String mode, String targetAccent,
                             Double csvFps, Boolean csv, Boolean foreground, Boolean background) {
    boolean fromCsv() { return Boolean.TRUE.equals(csv); }

    boolean hasForeground() { return Boolean.TRUE.equals(foreground); }

    boolean hasBackground() { return Boolean.TRUE.equals(background); }

    /** These options with the uploads recorded. */
    DubbingOptions withUploads(boolean csv, boolean foreground, boolean background) {
        return new DubbingOptions(numSpeakers, startTime, endTime, dropBackgroundAudio, disableVoiceCloning, watermark, highestResolution,
                useProfanityFilter, mode, targetAccent, csvFps, csv, foreground, background);
    }
}
