package dev.timbre.convai.knowledgebase.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * DOCX → text with Apache POI: body paragraphs and table cells in order. POI's own zip guards (inflate ratio, entry
 * size) refuse zip bombs; the text bound stops the rest.
 */
final class DocxText {
    private DocxText() {}

    static Extracted extract(byte[] data, ExtractionLimits limits) throws ExtractionException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(data))) {
            TextBuilder out = new TextBuilder(limits.maxChars());
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    out.paragraph(p.getText());
                } else if (element instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) out.paragraph(cell.getText());
                    }
                }
            }
            String title = doc.getProperties() == null ? null : doc.getProperties().getCoreProperties().getTitle();
            return out.build(title);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException(ExtractionException.Kind.UNREADABLE, "The file is not a readable DOCX document");
        }
    }
}
