/**
 * Knowledge-base sources → plain text and simple HTML ({@link dev.timbre.convai.knowledgebase.extract.Extracted}).
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.knowledgebase.extract.DocumentFiles}: picks the reader by extension, else content
 *       type: PDF (PDFBox 3, page by page), DOCX (Apache POI), EPUB (java.util.zip + jsoup, spine order), HTML
 *       (jsoup), Markdown (markers stripped), TXT (strict UTF-8).</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.extract.HtmlText}: drops navigation, scripts, styles, forms…; block
 *       elements end paragraphs.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.extract.ExtractionLimits}: text characters, PDF pages, zip entries and
 *       decompressed bytes; past one the source is refused, never cut.</li>
 *   <li>{@link dev.timbre.convai.knowledgebase.extract.ExtractionException}: why a source was refused (unsupported,
 *       unreadable, too large, empty); the HTTP layer maps it to 400/413.</li>
 * </ul>
 *
 * <p>Text is paragraphs separated by one blank line, whitespace folded. Everything is stateless and blocking (CPU);
 * no network.
 */
package dev.timbre.convai.knowledgebase.extract;
