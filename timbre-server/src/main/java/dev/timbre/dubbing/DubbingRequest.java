package dev.timbre.dubbing;

/**
 * A checked {@code POST /v1/dubbing} form, without the media.
 *
 * @param sourceLang ISO 639-1 or {@code auto}
 * @param targetLang ISO 639-1
 */
public record DubbingRequest(String name, String sourceLang, String targetLang, DubbingOptions options, boolean dubbingStudio) {}
