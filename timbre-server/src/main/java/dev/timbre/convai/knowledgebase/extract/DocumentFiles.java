package dev.timbre.convai.knowledgebase.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An uploaded file → {@link Extracted}, by the file name's extension (else its content type): PDF, DOCX, EPUB, HTML,
 * Markdown, plain text. Anything else is {@link ExtractionException.Kind#UNSUPPORTED}. Stateless; blocking (CPU).
 */
public final class DocumentFiles {
    /** What {@link #extract} reads. */
    public static final String SUPPORTED = "pdf, txt, docx, html, epub, md";

    private DocumentFiles() {}

    public static Extracted extract(String filename, String contentType, byte[] data, ExtractionLimits limits) throws ExtractionException {
        return switch (kind(filename, contentType)) {
            case "pdf" -> PdfText.extract(data, limits);
            case "docx" -> DocxText.extract(data, limits);
            case "epub" -> EpubText.extract(data, limits);
            case "html" -> HtmlText.extract(utf8(data), limits.maxChars());
            case "md" -> MarkdownText.extract(utf8(data), limits);
            case "txt" -> new TextBuilder(limits.maxChars()).plain(utf8(data)).build(null);
            default -> throw new ExtractionException(ExtractionException.Kind.UNSUPPORTED,
                    "Unsupported file type; supported types: " + SUPPORTED);
        };
    }

    /** The MIME type stored with a file document. */
    public static String mimeType(String filename, String contentType) {
        return switch (kind(filename, contentType)) {
            case "pdf" -> "application/pdf";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "epub" -> "application/epub+zip";
            case "html" -> "text/html";
            case "md" -> "text/markdown";
            case "txt" -> "text/plain";
            default -> "application/octet-stream";
        };
    }

    private static String kind(String filename, String contentType) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        switch (ext) {
            case "pdf", "docx", "epub", "html", "md", "txt": return ext;
            case "htm", "xhtml": return "html";
            case "markdown": return "md";
            case "text": return "txt";
            default: break;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "application/pdf" -> "pdf";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "docx";
            case "application/epub+zip" -> "epub";
            case "text/html", "application/xhtml+xml" -> "html";
            case "text/markdown" -> "md";
            case "text/plain" -> "txt";
            default -> "";
        };
    }

    /** Strict UTF-8 (a binary file named .txt is unreadable, not garbage text); a BOM is dropped. */
    static String utf8(byte[] data) throws ExtractionException {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
            if (s.indexOf('\0') >= 0) throw new CharacterCodingException();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new ExtractionException(ExtractionException.Kind.UNREADABLE, "The file is not UTF-8 text");
        }
    }

    /** Web pages: HTML unless the content is plain text (decided by the caller from the response). */
    public static Extracted page(byte[] data, boolean html, ExtractionLimits limits) throws ExtractionException {
        String s = utf8(data);
        return html ? HtmlText.extract(s, limits.maxChars()) : new TextBuilder(limits.maxChars()).plain(s).build(null);
    }

    /** Text sent as is (text documents). */
    public static Extracted text(String text, ExtractionLimits limits) throws ExtractionException {
        return new TextBuilder(limits.maxChars()).plain(text).build(null);
    }
}
