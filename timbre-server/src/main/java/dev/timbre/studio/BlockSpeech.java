package dev.timbre.studio;

import dev.timbre.access.Caller;
import dev.timbre.audio.OutputFormat;
import dev.timbre.common.Ids;
import dev.timbre.http.Json;
import dev.timbre.speech.CharacterAlignment;
import dev.timbre.storage.BlobStore;
import dev.timbre.texttospeech.TextToSpeechRequest;
import dev.timbre.texttospeech.TextToSpeechService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Speaks one block (a paragraph or heading) of a chapter through {@link TextToSpeechService} (so through the one
 * speech layer, with the project's model, pronunciation dictionaries and text normalisation), node by node and, for a
 * long node, sentence piece by piece; stores its PCM (blob first, then the row) keyed by {@link #fingerprint}.
 * Characters are charged to the server's own account ({@link Caller#INTERNAL}); no history item is written.
 * Thread-safe; blocking (a speech slot, the engine).
 */
final class BlockSpeech {
    /** What blocks are stored as: s16le mono PCM at 24 kHz. */
    static final int RATE = 24_000;
    private static final OutputFormat PCM = OutputFormat.parse("pcm_24000").orElseThrow();
    /** The longest piece sent in one synthesis. */
    static final int MAX_PIECE_CHARS = 2_000;

    private final TextToSpeechService speech;
    private final BlobStore blobs;
    private final ConversionRepository rows;
    private final Clock clock;

    BlockSpeech(TextToSpeechService speech, BlobStore blobs, ConversionRepository rows, Clock clock) {
        this.speech = speech;
        this.blobs = blobs;
        this.rows = rows;
        this.clock = clock;
    }

    /** Everything that decides a block's audio: model, normalisation, dictionaries, and each node's voice and text. */
    static String fingerprint(StudioRepository.StoredProject p, ChapterContent.Block b) {
        StringBuilder s = new StringBuilder().append(p.defaultModelId()).append('\u0000').append(p.applyTextNormalization())
                .append('\u0000').append(Json.write(p.locators()));
        for (ChapterContent.Node n : b.nodes()) s.append('\u0000').append(n.voiceId()).append('\u0001').append(n.text());
        return HexFormat.of().formatHex(Ids.sha256(s.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 40);
    }

    /** Speaks {@code block} and stores what it produced; a refused text or voice throws its {@code ApiException}. */
    ConversionRepository.Paragraph speak(StudioRepository.StoredProject p, String chapterId, ChapterContent.Block block)
            throws InterruptedException, IOException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        List<CharacterAlignment> alignments = new ArrayList<>();
        int characters = 0;
        for (ChapterContent.Node node : block.nodes()) {
            for (String piece : pieces(node.text(), MAX_PIECE_CHARS)) {
                TextToSpeechRequest request = new TextToSpeechRequest(piece, p.defaultModelId(), null, null, locators(p), null,
                        null, null, null, null, null, p.applyTextNormalization(), null);
                TextToSpeechService.Result r = speech.convert(Caller.INTERNAL, speech.prepare(node.voiceId(), request), PCM, false);
                double offset = pcm.size() / 2.0 / RATE;
                if (!alignments.isEmpty() || pcm.size() > 0) alignments.add(space(offset));
                if (r.all().alignment() != null) alignments.add(r.all().alignment().shifted(offset));
                pcm.writeBytes(r.audio());
                characters += piece.length();
            }
        }
        String fingerprint = fingerprint(p, block);
        String key = "studio/" + p.projectId() + "/paragraphs/" + chapterId + "-" + fingerprint + ".pcm";
        blobs.put(key, pcm.toByteArray());
        CharacterAlignment all = CharacterAlignment.concat(alignments);
        var paragraph = new ConversionRepository.Paragraph(chapterId, fingerprint, key, RATE, characters,
                Json.write(all == null ? new CharacterAlignment(List.of(), List.of(), List.of()) : all));
        try {
            rows.addParagraph(paragraph, clock.instant().getEpochSecond());
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
        return paragraph;
    }

    private static CharacterAlignment space(double at) {
        return new CharacterAlignment(List.of(" "), List.of(at), List.of(at));
    }

    private static List<TextToSpeechRequest.PronunciationDictionaryLocator> locators(StudioRepository.StoredProject p) {
        if (p.locators().isEmpty()) return null;
        return p.locators().stream().map(l -> new TextToSpeechRequest.PronunciationDictionaryLocator(l.pronunciationDictionaryId(),
                l.versionId())).toList();
    }

    /** {@code text} in pieces of at most {@code max} characters, cut after sentences (else at a space); blank: none. */
    static List<String> pieces(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : text.strip().split("(?<=[.!?;:])\\s+")) {
            String rest = sentence;
            while (rest.length() > max) {
                int cut = rest.lastIndexOf(' ', max);
                if (cut <= 0) cut = max;
                flush(out, current);
                out.add(rest.substring(0, cut).strip());
                rest = rest.substring(cut).strip();
            }
            if (current.length() + rest.length() + 1 > max) flush(out, current);
            if (!current.isEmpty()) current.append(' ');
            current.append(rest);
        }
        flush(out, current);
        return out;
    }

    private static void flush(List<String> out, StringBuilder current) {
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        current.setLength(0);
    }
}
