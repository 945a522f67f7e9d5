package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code additional_formats} docx and pdf: real documents, read back with POI and PDFBox. */
@Tag("integration")
class TranscriptDocumentsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static TestServer.Response post(String formats, double... tones) {
        return server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1")
                .field("additional_formats", formats).file("file", "speech.wav", "audio/wav", SpeechAudio.wav(tones)));
    }

    static JsonNode formats(String formats, double... tones) {
        TestServer.Response r = post(formats, tones);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/speech-to-text", r);
        return r.json().get("additional_formats");
    }

    static List<String> docxParagraphs(JsonNode f) throws Exception {
        byte[] data = Base64.getDecoder().decode(f.get("content").asText());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(data))) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
    }

    static String pdfText(JsonNode f) throws Exception {
        byte[] data = Base64.getDecoder().decode(f.get("content").asText());
        assertThat(new String(data, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(data)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void docx_holds_one_paragraph_per_segment() throws Exception {
        JsonNode f = formats("[{\"format\":\"docx\"},{\"format\":\"docx\",\"include_speakers\":false,\"include_timestamps\":false,"
                + "\"segment_on_silence_longer_than_s\":0.1}]", 0.3, 0.3);
        assertThat(f).hasSize(2);
        JsonNode full = f.get(0);
        assertThat(full.get("requested_format").asText()).isEqualTo("docx");
        assertThat(full.get("file_extension").asText()).isEqualTo("docx");
        assertThat(full.get("content_type").asText()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(full.get("is_base64_encoded").asBoolean()).isTrue();
        assertThat(docxParagraphs(full)).containsExactly("Transcript", "[00:00:00.200 - 00:00:01.000] speaker_0: word1 word2");
        assertThat(docxParagraphs(f.get(1))).containsExactly("Transcript", "word1", "word2");
    }

    @Test
    void pdf_text_can_be_extracted() throws Exception {
        JsonNode f = formats("[{\"format\":\"pdf\"},{\"format\":\"pdf\",\"include_timestamps\":false,\"max_segment_chars\":5}]", 0.3, 0.3, 0.3);
        JsonNode full = f.get(0);
        assertThat(full.get("requested_format").asText()).isEqualTo("pdf");
        assertThat(full.get("file_extension").asText()).isEqualTo("pdf");
        assertThat(full.get("content_type").asText()).isEqualTo("application/pdf");
        assertThat(full.get("is_base64_encoded").asBoolean()).isTrue();
        String text = pdfText(full);
        assertThat(text).contains("Transcript").contains("[00:00:00.200 - 00:00:01.500] speaker_0: word1 word2 word3");
        String split = pdfText(f.get(1));
        assertThat(split.lines().map(String::trim).collect(Collectors.toList()))
                .containsSubsequence("speaker_0: word1", "speaker_0: word2", "speaker_0: word3");
        assertThat(split).doesNotContain("00:00");
    }

    @Test
    void long_transcripts_wrap_and_break_pages() throws Exception {
        double[] tones = new double[60];
        java.util.Arrays.fill(tones, 0.3);
        JsonNode f = formats("[{\"format\":\"pdf\",\"max_segment_chars\":1000,\"max_segment_duration_s\":1000,"
                + "\"segment_on_silence_longer_than_s\":0.1}]", tones);
        byte[] data = Base64.getDecoder().decode(f.get(0).get("content").asText());
        try (PDDocument doc = Loader.loadPDF(data)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("word60");
        }
        JsonNode one = formats("[{\"format\":\"pdf\",\"max_segment_chars\":1000,\"max_segment_duration_s\":1000,"
                + "\"segment_on_silence_longer_than_s\":10}]", tones);
        String text = pdfText(one.get(0));
        assertThat(text.lines().count()).isGreaterThan(3);
        assertThat(text.replaceAll("\\s+", " ")).contains("word1 word2").contains("word59 word60");
    }

    @Test
    void any_script_makes_a_readable_document() throws Exception {
        List<TranscriptExports.Segment> segments = List.of(new TranscriptExports.Segment(List.of(
                new TranscriptModels.Word("héllo", 0.0, 0.5, "word", "speaker_0", 0, null),
                new TranscriptModels.Word("Привет", 0.6, 1.0, "word", "speaker_0", 0, null),
                new TranscriptModels.Word("日本語", 1.1, 1.5, "word", "speaker_0", 0, null),
                new TranscriptModels.Word("🙂", 1.6, 1.8, "word", "speaker_0", 0, null)), "speaker_0"));
        ExportOptions o = new ExportOptions("pdf", true, true, null, null, null, null);
        try (PDDocument doc = Loader.loadPDF(DocumentExports.pdf(segments, o))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("héllo");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocumentExports.docx(segments, o)))) {
            assertThat(doc.getParagraphs().get(1).getText()).endsWith("héllo Привет 日本語 🙂");
        }
    }

    @Test
    void bad_options_are_422() {
        for (String bad : List.of("[{\"format\":\"docx\",\"max_segment_chars\":0}]", "[{\"format\":\"pdf\",\"max_segment_duration_s\":-1}]",
                "[{\"format\":\"pdf\",\"segment_on_silence_longer_than_s\":-0.5}]", "[{\"format\":\"pdf\",\"include_speakers\":\"maybe\"}]",
                "[{\"format\":\"doc\"}]")) {
            TestServer.Response r = post(bad, 0.3);
            assertThat(r.status()).as(bad + " " + r).isEqualTo(422);
            assertThat(r.text()).contains("detail");
        }
    }
}
