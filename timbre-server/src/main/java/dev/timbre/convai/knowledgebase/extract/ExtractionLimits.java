package dev.timbre.convai.knowledgebase.extract;

/**
 * Bounds on what one source may expand to (the upload itself is bounded before it gets here).
 *
 * @param maxChars       characters of extracted text
 * @param maxPdfPages    pages of a PDF
 * @param maxZipEntries  entries of an EPUB (zip) archive
 * @param maxZipBytes    decompressed bytes read from an EPUB archive, all entries together (zip-bomb bound)
 */
public record ExtractionLimits(int maxChars, int maxPdfPages, int maxZipEntries, long maxZipBytes) {
    /** 2,000,000 characters (ElevenLabs' 2 MB system prompt bound), 2,000 PDF pages, 5,000 zip entries, 64 MiB unzipped. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(2_000_000, 2_000, 5_000, 64L * 1024 * 1024);
}
