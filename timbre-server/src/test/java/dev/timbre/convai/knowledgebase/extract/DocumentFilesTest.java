package dev.timbre.convai.knowledgebase.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Real files made here (PDFBox, POI, java.util.zip) through the readers, and the refusals. */
class DocumentFilesTest {
    static final ExtractionLimits LIMITS = ExtractionLimits.DEFAULT;

    @Test
    void reads_a_pdf_page_by_page() throws Exception {
        Extracted e = DocumentFiles.extract("hours.pdf", "application/pdf", SampleDocuments.pdf("We open at nine.", "We close at five."), LIMITS);
        assertThat(e.text()).contains("We open at nine.").contains("We close at five.");
        assertThat(e.title()).isEqualTo("Opening hours");
        assertThat(e.html()).contains("<p>We open at nine.</p>");
    }

    @Test
    void refuses_a_pdf_over_the_page_limit_and_a_corrupt_one() throws Exception {
        ExtractionLimits twoPages = new ExtractionLimits(1000, 2, 10, 1000);
        assertThatThrownBy(() -> DocumentFiles.extract("a.pdf", null, SampleDocuments.pdf("1", "2", "3"), twoPages))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.TOO_LARGE));
        assertThatThrownBy(() -> DocumentFiles.extract("a.pdf", null, "%PDF-1.7 nothing here".getBytes(StandardCharsets.US_ASCII), LIMITS))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.UNREADABLE));
    }

    @Test
    void reads_a_docx_with_paragraphs_and_a_table() throws Exception {
        Extracted e = DocumentFiles.extract("guide.docx", null, SampleDocuments.docx("Returns take 30 days.", "Keep the receipt."), LIMITS);
        assertThat(e.text()).isEqualTo("Returns take 30 days.\n\nKeep the receipt.\n\nCell one\n\nCell two");
        assertThatThrownBy(() -> DocumentFiles.extract("guide.docx", null, "not a zip".getBytes(StandardCharsets.UTF_8), LIMITS))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.UNREADABLE));
    }

    @Test
    void reads_an_epub_in_spine_order() throws Exception {
        Extracted e = DocumentFiles.extract("book.epub", null, SampleDocuments.epub(), LIMITS);
        assertThat(e.text()).isEqualTo("Prologue\n\nA storm came in.\n\nChapter one\n\nThe keeper lit the lamp.");
        assertThat(e.title()).isEqualTo("The Lighthouse");
    }

    @Test
    void stops_a_zip_bomb_at_the_decompressed_bound_and_too_many_entries() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("OEBPS/big.xhtml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) zip.write(zeros); // 8 MiB of zeros: a few KiB compressed
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(64 * 1024);
        ExtractionLimits small = new ExtractionLimits(100_000, 10, 100, 1024 * 1024);
        assertThatThrownBy(() -> DocumentFiles.extract("bomb.epub", null, bytes.toByteArray(), small))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.TOO_LARGE));
        ExtractionLimits fewEntries = new ExtractionLimits(100_000, 10, 3, 1024 * 1024);
        assertThatThrownBy(() -> DocumentFiles.extract("book.epub", null, SampleDocuments.epub(), fewEntries))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.TOO_LARGE));
    }

    @Test
    void html_drops_navigation_scripts_and_styles() throws Exception {
        String html = "<html><head><title>Shop</title><style>p{color:red}</style></head><body><nav><a href=/>Home</a></nav>"
                + "<script>alert('x')</script><h1>Delivery</h1><div>We ship <b>worldwide</b>.</div><ul><li>Free over 50</li></ul>"
                + "<footer>© Shop</footer></body></html>";
        Extracted e = DocumentFiles.extract("page.html", null, html.getBytes(StandardCharsets.UTF_8), LIMITS);
        assertThat(e.text()).isEqualTo("Delivery\n\nWe ship worldwide.\n\nFree over 50");
        assertThat(e.title()).isEqualTo("Shop");
    }

    @Test
    void markdown_and_text() throws Exception {
        String md = "# FAQ\nHow do I **reset** my [password](https://x/y)?\n\n- Open settings\n- Press `reset`\n";
        Extracted e = DocumentFiles.extract("faq.md", null, md.getBytes(StandardCharsets.UTF_8), LIMITS);
        assertThat(e.text()).isEqualTo("FAQ\n\nHow do I reset my password?\n\nOpen settings\n\nPress reset");
        Extracted t = DocumentFiles.extract("notes.txt", null, "line one\nline two\n\nsecond <para>".getBytes(StandardCharsets.UTF_8), LIMITS);
        assertThat(t.text()).isEqualTo("line one line two\n\nsecond <para>");
        assertThat(t.html()).contains("<p>second &lt;para&gt;</p>");
        assertThat(DocumentFiles.text("a\u0000b\u0007c", LIMITS).text()).isEqualTo("abc");
    }

    @Test
    void refuses_unsupported_binary_empty_and_oversized_input() {
        assertThatThrownBy(() -> DocumentFiles.extract("song.mp3", "audio/mpeg", new byte[10], LIMITS))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.UNSUPPORTED));
        assertThatThrownBy(() -> DocumentFiles.extract("bin.txt", null, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, LIMITS))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.UNREADABLE));
        assertThatThrownBy(() -> DocumentFiles.extract("empty.txt", null, " \n\n ".getBytes(StandardCharsets.UTF_8), LIMITS))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.EMPTY));
        ExtractionLimits tiny = new ExtractionLimits(20, 10, 10, 1000);
        assertThatThrownBy(() -> DocumentFiles.extract("long.txt", null, "a sentence that is far too long".getBytes(StandardCharsets.UTF_8), tiny))
                .isInstanceOfSatisfying(ExtractionException.class, x -> assertThat(x.kind()).isEqualTo(ExtractionException.Kind.TOO_LARGE));
    }
}
