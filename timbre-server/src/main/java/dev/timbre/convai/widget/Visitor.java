package dev.timbre.convai.widget;

/**
 * Who reads an agent's widget: {@code hasKey} when the request carried a valid API key; the page's {@code origin}
 * (the {@code Origin} header, may be null); the {@code conversation_signature} query parameter (may be null).
 */
public record Visitor(boolean hasKey, String origin, String signature) {}
