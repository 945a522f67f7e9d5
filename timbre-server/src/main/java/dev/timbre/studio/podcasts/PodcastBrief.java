package dev.timbre.studio.podcasts;

import java.util.List;

/**
 * What a podcast is written from: the sources' text (each source's paragraphs, blank-line separated), the mode
 * ({@code conversation}: host and guest; {@code bulletin}: the host alone), {@code durationScale} (short, default,
 * long) and the optional intro, outro, instructions, highlights and language of the request.
 *
 * @param sourceTitle the first source's own title (a page's), or null
 */
record PodcastBrief(String text, String sourceTitle, boolean conversation, String durationScale, String intro, String outro,
                    String instructions, List<String> highlights, String language) {
    /** Lines a script has at most, by duration: about 1, 3 and 8 minutes of speech. */
    int targetLines() {
        return switch (durationScale) {
            case "short" -> 8;
            case "long" -> 60;
            default -> 24;
        };
    }
}
