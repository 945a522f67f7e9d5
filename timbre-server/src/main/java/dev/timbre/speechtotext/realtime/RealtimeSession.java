package dev.timbre.speechtotext.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.common.Ids;
import dev.timbre.audio.G711;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.WordTiming;
import dev.timbre.http.Json;
import dev.timbre.sockets.InactivityClock;
import dev.timbre.sockets.SocketSender;
import dev.timbre.sockets.SocketWorker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One realtime transcription session. {@link #receive} runs on the socket's receiving thread: it parses and checks a
 * message (a bad one is answered with an {@code input_error} and the session goes on) and queues the audio. A worker
 * thread of its own decodes it to 16 kHz PCM ({@code ulaw_8000} expanded, other rates resampled), feeds the engine's
 * {@link RecognitionStream} in 20 ms frames (at the input's own rate when that is below 16 kHz, so 8 kHz phone audio
 * reaches the engine as telephone band), sends a {@code partial_transcript} when the hypothesis
 * changed after at least {@link #PARTIAL_EVERY_SECONDS} of new audio, and commits on {@code commit: true} or, with
 * {@code commit_strategy=vad}, after {@code vad_silence_threshold_secs} of silence following at least
 * {@code min_speech_duration_ms} of speech (an energy detector: a frame is speech when its level, mapped from
 * −60…−20 dBFS onto 0…1, reaches {@code vad_threshold}). A commit sends {@code committed_transcript} and, with
 * {@code include_timestamps} or {@code include_language_detection}, {@code committed_transcript_with_timestamps}
 * (word times in seconds from the start of the session's audio), then starts a new segment.
 */
final class RealtimeSession {
    static final int RATE = 16000;
    static final double PARTIAL_EVERY_SECONDS = 0.1;
    static final int FRAME_BYTES = RATE / 50 * 2; // 20 ms
    static final int MAX_CHUNK_BYTES = 2 * 1024 * 1024;

    private final SpeechToText engine;
    private final String language;
    private final RealtimeOptions options;
    private final SocketSender out;
    private final InactivityClock inactivity;
    private final SocketWorker worker;
    private final String sessionId = Ids.random();

    // receiving thread
    private boolean audioSeen;

    // worker thread
    private final Resampler resampler;
    /** The rate the engine hears: the input's when below 16 kHz (8 kHz phone audio is decoded as telephone band). */
    private final int engineRate;
    /** 16 kHz → {@link #engineRate} for the current segment's stream; null when the engine hears 16 kHz. */
    private Resampler toEngine;
    private final byte[] frame = new byte[FRAME_BYTES];
    private int inFrame;
    private RecognitionStream stream;
    private volatile boolean ended;
    private long sessionBytes, segmentStartBytes, sinceLastPartial;
    private int speechMs, silenceMs;
    private String lastPartial = "";

    RealtimeSession(SpeechToText engine, String language, RealtimeOptions options, SocketSender out, ScheduledExecutorService timers) {
        this.engine = engine;
        this.language = language;
        this.options = options;
        this.out = out;
        int inputRate = options.ulaw() ? 8000 : options.sampleRate();
        this.resampler = new Resampler(inputRate, RATE); // at 16 kHz too: it keeps a chunk's odd trailing byte
        this.engineRate = Math.min(RATE, inputRate);
        this.inactivity = new InactivityClock(timers, options.inactivityTimeoutSeconds(), () -> fail(RealtimeError.fatal(
                "insufficient_audio_activity", "No message received within the inactivity timeout of " + options.inactivityTimeoutSeconds()
                        + " seconds.", StatusCode.POLICY_VIOLATION)));
        this.worker = new SocketWorker("stt-realtime", inactivity, () -> !ended && !out.isClosed(), this::failed);
    }

    /** Opens the first segment and tells the client the session has started. */
    void start() {
        queue(() -> {
            openSegment();
            out.send(new RealtimeMessages.SessionStarted(sessionId, RealtimeMessages.Config.of(options)));
        });
    }

    void receive(String frameText) {
        if (out.isClosed()) return;
        inactivity.restart();
        try {
            Chunk c = parse(frameText);
            queue(() -> process(c));
        } catch (RealtimeError e) {
            report(e);
        }
    }

    /** A binary frame: not part of the protocol. */
    void receiveBinary() {
        if (out.isClosed()) return;
        inactivity.restart();
        report(RealtimeError.input("Messages must be JSON text frames: {\"message_type\": \"input_audio_chunk\", \"audio_base_64\": …}"));
    }

    /**
     * The client went away or the session failed: queued work is dropped, and the worker's last task closes the
     * recognition stream (which gives the engine's decoder back).
     */
    void end() {
        if (ended) return;
        ended = true;
        inactivity.stop();
        worker.finish(() -> {
            if (stream != null) stream.close();
            stream = null;
        });
    }

    private record Chunk(byte[] audio, boolean commit) {}

    private Chunk parse(String text) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw RealtimeError.input("Messages must be JSON objects; this one could not be parsed.");
        }
        if (m == null || !m.isObject()) throw RealtimeError.input("Messages must be JSON objects.");
        JsonNode type = m.get("message_type");
        if (type == null || !type.isTextual()) throw RealtimeError.input("message_type is required; expected input_audio_chunk.");
        if (!type.asText().equals("input_audio_chunk")) {
            throw RealtimeError.input("Unknown message_type '" + type.asText() + "'; expected input_audio_chunk.");
        }
        JsonNode audio = m.get("audio_base_64");
        if (audio == null || !audio.isTextual()) throw RealtimeError.input("audio_base_64 is required and must be a string.");
        JsonNode commit = m.get("commit");
        if (commit != null && !commit.isNull() && !commit.isBoolean()) throw RealtimeError.input("commit must be a boolean.");
        JsonNode rate = m.get("sample_rate");
        if (rate != null && !rate.isNull()) {
            if (!rate.canConvertToInt() || !rate.isIntegralNumber()) throw RealtimeError.input("sample_rate must be an integer.");
            if (rate.asInt() != options.sampleRate()) {
                throw RealtimeError.input("sample_rate " + rate.asInt() + " does not match audio_format " + options.audioFormat() + ".");
            }
        }
        JsonNode previous = m.get("previous_text");
        if (previous != null && !previous.isNull() && audioSeen) {
            throw RealtimeError.input("previous_text can only be sent with the first audio chunk.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(audio.asText().trim());
        } catch (IllegalArgumentException e) {
            throw RealtimeError.input("audio_base_64 is not valid base64.");
        }
        if (bytes.length > MAX_CHUNK_BYTES) {
            throw RealtimeError.chunkTooLarge("An audio chunk may hold at most " + MAX_CHUNK_BYTES + " bytes; this one has " + bytes.length + ".");
        }
        if (bytes.length > 0) audioSeen = true;
        return new Chunk(bytes, commit != null && commit.asBoolean());
    }

    // ---- worker thread ----

    private void process(Chunk c) throws IOException {
        byte[] pcm = toPcm16k(c.audio());
        for (int i = 0; i < pcm.length; ) {
            int n = Math.min(FRAME_BYTES - inFrame, pcm.length - i);
            System.arraycopy(pcm, i, frame, inFrame, n);
            inFrame += n;
            i += n;
            if (inFrame == FRAME_BYTES) {
                inFrame = 0;
                feed(frame, FRAME_BYTES);
                if (options.vad() && speechMs >= options.minSpeechDurationMs() && silenceMs >= options.vadSilenceThresholdSecs() * 1000) {
                    commit();
                }
            }
        }
        if (c.commit()) {
            if (inFrame > 0) feed(frame, inFrame);
            inFrame = 0;
            commit();
        } else if (sinceLastPartial >= PARTIAL_EVERY_SECONDS * RATE * 2) {
            sinceLastPartial = 0;
            String text = stream.partial().text();
            if (!text.isEmpty() && !text.equals(lastPartial)) {
                lastPartial = text;
                out.send(new RealtimeMessages.Transcript("partial_transcript", text));
            }
        }
    }

    private void openSegment() {
        stream = engine.openStream(new PcmFormat(engineRate), language);
        toEngine = engineRate < RATE ? new Resampler(RATE, engineRate) : null;
    }

    private void feed(byte[] pcm, int len) {
        if (toEngine == null) {
            stream.accept(pcm, 0, len);
        } else {
            byte[] down = toEngine.resample(pcm, 0, len);
            stream.accept(down, 0, down.length);
        }
        sessionBytes += len;
        sinceLastPartial += len;
        int ms = len / (RATE / 1000 * 2);
        if (speechProbability(pcm, len) >= options.vadThreshold()) {
            speechMs += ms;
            silenceMs = 0;
        } else {
            silenceMs += ms;
        }
    }

    /** Level of the frame mapped from −60 dBFS (0) to −20 dBFS (1). */
    static double speechProbability(byte[] pcm, int len) {
        double sum = 0;
        int n = len / 2;
        if (n == 0) return 0;
        for (int i = 0; i + 1 < len; i += 2) {
            double s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            sum += s * s;
        }
        double dbfs = 20 * Math.log10(Math.max(1e-9, Math.sqrt(sum / n) / 32768));
        return Math.max(0, Math.min(1, (dbfs + 60) / 40));
    }

    private void commit() throws IOException {
        if (toEngine != null) {
            byte[] rest = toEngine.finish();
            stream.accept(rest, 0, rest.length);
        }
        SpeechToText.Transcript t = stream.finish();
        stream.close();
        double offset = (segmentStartBytes) / (double) (RATE * 2);
        segmentStartBytes = sessionBytes;
        speechMs = 0;
        silenceMs = 0;
        sinceLastPartial = 0;
        lastPartial = "";
        openSegment();
        String text = t.text() == null ? "" : t.text();
        out.send(new RealtimeMessages.Transcript("committed_transcript", text));
        if (options.includeTimestamps() || options.includeLanguageDetection()) {
            String lang = t.language() != null ? t.language() : language;
            out.send(new RealtimeMessages.CommittedWithTimestamps(text, lang, options.includeTimestamps() ? words(t.words(), offset) : null));
        }
    }

    static List<RealtimeMessages.Word> words(List<WordTiming> timings, double offset) {
        List<RealtimeMessages.Word> words = new ArrayList<>();
        for (WordTiming w : timings) {
            double start = round(offset + w.start()), end = round(offset + w.end());
            if (!words.isEmpty()) {
                double prevEnd = words.get(words.size() - 1).end();
                words.add(new RealtimeMessages.Word(" ", prevEnd, Math.max(prevEnd, start), "spacing", 0.0));
            }
            words.add(new RealtimeMessages.Word(w.word(), start, end, "word", 0.0));
        }
        return words;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** The chunk as 16 kHz s16le; a sample split across chunks waits for its second byte (in the resampler). */
    private byte[] toPcm16k(byte[] audio) {
        byte[] pcm = options.ulaw() ? G711.ulawDecode(audio) : audio;
        return resampler.resample(pcm, 0, pcm.length);
    }

    private void queue(SocketWorker.Work work) {
        worker.queue(work);
    }

    private void failed(Exception e) {
        if (e instanceof SocketWorker.Overflow flood) fail(RealtimeError.fatal("queue_overflow", flood.getMessage(), StatusCode.POLICY_VIOLATION));
        else if (e instanceof RealtimeError r) report(r);
        else if (e instanceof IOException) end();
        else fail(RealtimeError.fatal("transcriber_error", "The transcription failed.", StatusCode.SERVER_ERROR));
    }

    private void report(RealtimeError e) {
        if (e.fatal) {
            fail(e);
            return;
        }
        try {
            out.send(new RealtimeMessages.Error(e.type, e.getMessage()));
        } catch (IOException gone) {
            end();
        }
    }

    private void fail(RealtimeError e) {
        send(out, e);
        end();
    }

    /** Sends a fatal error and closes the socket. */
    static void send(SocketSender out, RealtimeError e) {
        try {
            out.send(new RealtimeMessages.Error(e.type, e.getMessage()));
        } catch (IOException gone) {
            // nobody left to tell
        }
        out.close(e.closeCode, e.getMessage());
    }
}
