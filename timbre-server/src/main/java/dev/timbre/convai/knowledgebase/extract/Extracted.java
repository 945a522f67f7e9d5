package dev.timbre.convai.knowledgebase.extract;

/**
 * What a source yields: {@code text}, plain text with paragraphs separated by blank lines (what is chunked and put into
 * prompts), and {@code html}, the same content as simple HTML (what the API returns as {@code extracted_inner_html}
 * and {@code /content}). {@code title} is the source's own title, or null.
 */
public record Extracted(String text, String html, String title) {}
