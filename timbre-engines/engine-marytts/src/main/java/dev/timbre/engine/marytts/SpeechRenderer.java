package dev.timbre.engine.marytts;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.VoiceShape;
import dev.timbre.engine.WordTiming;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import marytts.LocalMaryInterface;
import marytts.exceptions.SynthesisException;
import org.w3c.dom.Document;

/**
 * Renders one request, document by document (a sentence each, for plain text). MaryTTS first turns a document into
 * acoustic parameters (phones, durations, pitch targets); the voice preset, then the request's voice shape, reshape the pitch; the word timings are read
 * off those parameters; MaryTTS then vocodes the very same parameters. So audio and timings come from one synthesis
 * pass and agree to within 5 ms per document. Words of a document are sent just before its audio.
 * Confined to the stream's thread. Output: s16le mono at 48 kHz, in chunks of at most 100 ms.
 */
final class SpeechRenderer {
    static final PcmFormat FORMAT = new PcmFormat(48_000);
    private static final AudioFormat PCM = new AudioFormat(FORMAT.sampleRate(), 16, 1, true, false);
    private static final int CHUNK_BYTES = FORMAT.bytesPerSecond() / 10;

    private final LocalMaryInterface analyser = MaryRuntime.newInterface("SSML", "ACOUSTPARAMS");
    private final LocalMaryInterface vocoder = MaryRuntime.newInterface("ACOUSTPARAMS", "AUDIO");
    private LocalMaryInterface toRaw, fromRaw; // made for the first document with phonemes
    private final VoicePreset voice;
    private final VoiceShape shape;
    private final AudioSink sink;
    private final AtomicBoolean cancelled;
    private long bytesSent;

    SpeechRenderer(VoicePreset voice, AudioSink sink, AtomicBoolean cancelled) {
        this(voice, VoiceShape.NEUTRAL, sink, cancelled);
    }

    /** @param shape its pitch shift and range reshape the preset's pitch; its rate is applied by the SSML documents */
    SpeechRenderer(VoicePreset voice, VoiceShape shape, AudioSink sink, AtomicBoolean cancelled) {
        this.voice = voice;
        this.shape = shape;
        this.sink = sink;
        this.cancelled = cancelled;
    }

    /** Starts the sink and renders {@code ssml} in order; returns early, between chunks, once cancelled. */
    void render(List<Document> ssml) throws SynthesisException, IOException {
        sink.start(FORMAT);
        for (Document document : ssml) {
            if (cancelled.get()) return;
            Document acoustic = acoustic(document);
            if (!WordTimeline.hasPhones(acoustic)) continue;
            vocode(acoustic);
        }
    }

    /** The document's acoustic parameters (phones, durations, pitch targets), the voice's pitch reshaping applied. */
    Document acoustic(Document ssml) throws SynthesisException {
        Document acoustic = SsmlDocuments.hasPhonemes(ssml) ? withPhonemes(ssml) : analyser.generateXML(ssml);
        PitchShift.apply(acoustic, voice.f0AddHz(), voice.f0Scale() * shape.pitchRange(), shape.pitchFactor());
        return acoustic;
    }

    /** Sends the words of an {@link #acoustic} document (with phones), then vocodes it; the sink must be started. */
    void vocode(Document acoustic) throws SynthesisException, IOException {
        List<WordTiming> words = WordTimeline.read(acoustic, FORMAT.seconds(bytesSent));
        if (!words.isEmpty()) sink.words(words);
        play(vocoder.generateAudio(acoustic));
    }

    /**
     * MaryTTS's SSML reader turns {@code <phoneme alphabet="x-sampa" ph>} into a token's {@code sampa} attribute, which
     * its phonemiser ignores; it does honour a token's {@code ph}. So: SSML to raw MaryXML, {@code sampa} renamed to
     * {@code ph}, then on to acoustic parameters.
     */
    private Document withPhonemes(Document ssml) throws SynthesisException {
        if (toRaw == null) {
            toRaw = MaryRuntime.newInterface("SSML", "RAWMARYXML");
            fromRaw = MaryRuntime.newInterface("RAWMARYXML", "ACOUSTPARAMS");
        }
        Document raw = toRaw.generateXML(ssml);
        org.w3c.dom.NodeList tokens = raw.getElementsByTagNameNS("*", "t");
        for (int i = 0; i < tokens.getLength(); i++) {
            org.w3c.dom.Element t = (org.w3c.dom.Element) tokens.item(i);
            if (!t.hasAttribute("sampa")) continue;
            t.setAttribute("ph", t.getAttribute("sampa"));
            t.removeAttribute("sampa");
        }
        return fromRaw.generateXML(raw);
    }

    /**
     * Sends the audio, then reads the stream to its end even when cancelled or failed: MaryTTS vocodes lazily on a
     * thread of its own that blocks for good if its output is left unread.
     */
    private void play(AudioInputStream audio) throws IOException {
        try (AudioInputStream in = audio.getFormat().matches(PCM) ? audio : AudioSystem.getAudioInputStream(PCM, audio)) {
            try {
                send(in);
            } finally {
                byte[] discard = new byte[CHUNK_BYTES];
                while (in.read(discard) != -1) { /* drain */ }
            }
        }
    }

    /** Note: AudioInputStream must be read with read(buf) in a loop; readAllBytes() stops after 8 KiB of it. */
    private void send(AudioInputStream in) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        int filled = 0, n;
        while (!cancelled.get() && (n = in.read(chunk, filled, chunk.length - filled)) != -1) {
            filled += n;
            if (filled == chunk.length) {
                emit(chunk, filled);
                filled = 0;
            }
        }
        if (filled > 0 && !cancelled.get()) emit(chunk, filled);
    }

    private void emit(byte[] chunk, int length) {
        sink.audio(chunk, 0, length);
        bytesSent += length;
    }
}
