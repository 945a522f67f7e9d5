package dev.timbre.speechtotext;

import dev.timbre.speechtotext.TranscriptExports.Segment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * The binary {@code additional_formats}: Word (DOCX, Apache POI) and PDF (Apache PDFBox), base64 in the response. Both
 * hold a "Transcript" heading and one paragraph per segment ({@link TranscriptExports#segments}): the time range when
 * {@code include_timestamps}, the speaker when {@code include_speakers}, then the text. The PDF embeds DejaVu Sans when
 * the system has it (any script); otherwise it uses Helvetica and writes characters outside WinAnsi as {@code ?}.
 */
final class DocumentExports {
    static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PDF_TYPE = "application/pdf";
    private static final List<Path> UNICODE_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"),
            Path.of("/Library/Fonts/DejaVuSans.ttf"));

    private DocumentExports() {}

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    private static String stamp(Segment s) {
        return "[" + TranscriptExports.time(s.start(), '.') + " - " + TranscriptExports.time(s.end(), '.') + "]";
    }

    static byte[] docx(List<Segment> segments, ExportOptions o) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle("Transcript");
            doc.getProperties().getCoreProperties().setCreator("Timbre");
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.LEFT);
            XWPFRun t = title.createRun();
            t.setText("Transcript");
            t.setBold(true);
            t.setFontSize(16);
            for (Segment s : segments) {
                XWPFParagraph p = doc.createParagraph();
                if (o.timestamps()) {
                    XWPFRun r = p.createRun();
                    r.setText(stamp(s) + " ");
                    r.setColor("666666");
                }
                if (o.speakers() && s.speaker() != null) {
                    XWPFRun r = p.createRun();
                    r.setText(s.speaker() + ": ");
                    r.setBold(true);
                }
                p.createRun().setText(s.text());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(List<Segment> segments, ExportOptions o) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Transcript");
            info.setCreator("Timbre");
            PDFont font = unicodeFont(doc);
            PDFont regular = font != null ? font : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = font != null ? font : new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PdfWriter w = new PdfWriter(doc)) {
                w.paragraph(List.of(new Piece("Transcript", bold)), 16);
                for (Segment s : segments) {
                    List<Piece> pieces = new ArrayList<>();
                    if (o.timestamps()) pieces.add(new Piece(stamp(s), regular));
                    if (o.speakers() && s.speaker() != null) pieces.add(new Piece(s.speaker() + ":", bold));
                    pieces.add(new Piece(s.text(), regular));
                    w.paragraph(pieces, 11);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont unicodeFont(PDDocument doc) {
        for (Path p : UNICODE_FONTS) {
            if (!Files.isReadable(p)) continue;
            try {
                return PDType0Font.load(doc, p.toFile());
            } catch (IOException | RuntimeException e) {
                // try the next one; Helvetica is the fallback
            }
        }
        return null;
    }

    /** Text in one font; words of a paragraph wrap at the page width whatever piece they come from. */
    private record Piece(String text, PDFont font) {}

    /** Lays out paragraphs top to bottom on A4 pages, wrapping words and starting a new page when one is full. */
    private static final class PdfWriter implements AutoCloseable {
        private static final float MARGIN = 56;
        private final PDDocument doc;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        PdfWriter(PDDocument doc) {
            this.doc = doc;
        }

        void paragraph(List<Piece> pieces, float size) throws IOException {
            float leading = size * 1.35f;
            List<List<Piece>> lines = new ArrayList<>();
            List<Piece> line = new ArrayList<>();
            float lineWidth = 0;
            for (Piece piece : pieces) {
                for (String word : piece.text().split(" ")) {
                    if (word.isEmpty()) continue;
                    String safe = encodable(word, piece.font());
                    float ww = piece.font().getStringWidth(safe) / 1000 * size;
                    float space = line.isEmpty() ? 0 : piece.font().getStringWidth(" ") / 1000 * size;
                    if (!line.isEmpty() && lineWidth + space + ww > width) {
                        lines.add(line);
                        line = new ArrayList<>();
                        lineWidth = 0;
                        space = 0;
                    }
                    line.add(new Piece(safe, piece.font()));
                    lineWidth += space + ww;
                }
            }
            if (!line.isEmpty()) lines.add(line);
            for (List<Piece> l : lines) {
                if (stream == null || y - leading < MARGIN) newPage();
                y -= leading;
                stream.beginText();
                stream.newLineAtOffset(MARGIN, y);
                for (int i = 0; i < l.size(); i++) {
                    stream.setFont(l.get(i).font(), size);
                    stream.showText(i == 0 ? l.get(i).text() : " " + l.get(i).text());
                }
                stream.endText();
            }
            y -= leading * 0.5f;
        }

        private void newPage() throws IOException {
            if (stream != null) stream.close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** The word with every character the font cannot show replaced by {@code ?}. */
        private static String encodable(String word, PDFont font) {
            StringBuilder b = new StringBuilder();
            word.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    b.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            if (stream == null) newPage();
            stream.close();
        }
    }
}
