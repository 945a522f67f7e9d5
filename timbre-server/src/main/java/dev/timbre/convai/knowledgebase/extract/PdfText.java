package dev.timbre.convai.knowledgebase.extract;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF → text with PDFBox 3, page by page (so the text bound stops a long file early); at most {@code maxPdfPages}. */
final class PdfText {
    private PdfText() {}

    static Extracted extract(byte[] data, ExtractionLimits limits) throws ExtractionException {
        try (PDDocument pdf = Loader.loadPDF(data)) {
            int pages = pdf.getNumberOfPages();
            if (pages > limits.maxPdfPages()) {
                throw new ExtractionException(ExtractionException.Kind.TOO_LARGE,
                        "The PDF has " + pages + " pages; the limit is " + limits.maxPdfPages());
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setParagraphEnd("\n\n");
            TextBuilder out = new TextBuilder(limits.maxChars());
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                out.plain(stripper.getText(pdf));
            }
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            return out.build(title);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(ExtractionException.Kind.UNREADABLE, "The PDF is encrypted");
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException(ExtractionException.Kind.UNREADABLE, "The file is not a readable PDF");
        }
    }
}
