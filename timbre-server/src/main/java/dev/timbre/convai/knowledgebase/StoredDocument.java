package dev.timbre.convai.knowledgebase;

/**
 * A {@code knowledge_base_documents} row. {@code type} is url, file or text; {@code url} only for url documents;
 * {@code content} and {@code extractedInnerHtml} are null in list rows (not read there). Times in Unix seconds;
 * {@code sizeBytes} is the UTF-8 size of {@code content}; {@code filename} the uploaded name of a file document, else null.
 */
public record StoredDocument(String documentId, String name, String type, String url, String mimeType, String content,
                             String extractedInnerHtml, long sizeBytes, String createdBy, long createdAtUnix, long updatedAtUnix,
                             String filename) {}
