package dev.timbre.texttodialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.timbre.access.Caller;
import dev.timbre.user.ChargedFor;
import dev.timbre.common.Ids;
import dev.timbre.audio.OutputFormat;
import dev.timbre.history.HistoryService;
import dev.timbre.history.NewHistoryItem;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.RecordedRun;
import dev.timbre.speech.SpeechRun;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.TextToSpeechService.Prepared;
import dev.timbre.user.Charge;
import dev.timbre.user.UserService;
import java.util.ArrayList;
import java.util.List;

/**
 * Text to dialogue as a use case: {@link #prepare} checks a script and binds every line to its voice's engine;
 * {@link #convert} speaks it whole, {@link #stream} opens a {@link Generation} to pull. The lines are segments of one
 * {@link SpeechScript}, spoken one after the other into ONE encoded stream with a {@link #PAUSE_SECONDS} pause between
 * them; alignment times count from the start of the dialogue and voice segments say where each line sits. All
 * characters of the script are charged once the first engine has accepted its line, before any audio; one history
 * item (source {@code TTS}, {@code dialogue} filled, no single voice or text) is stored once the audio is complete,
 * unless logging is off. Thread-safe; each dialogue runs on the calling thread.
 */
public final class TextToDialogueService {
    static final double PAUSE_SECONDS = 0.2;

    private final DialogueChecks checks;
    private final UserService users;
    private final HistoryService history;
    private final SpeechSynthesizer speech;

    public TextToDialogueService(DialogueChecks checks, UserService users, HistoryService history, SpeechSynthesizer speech) {
        this.checks = checks;
        this.users = users;
        this.history = history;
        this.speech = speech;
    }

    /** A checked script: one prepared synthesis per input, in order, and the ids the response announces. */
    public record Dialogue(List<Prepared> turns, String modelId, String requestId, String historyItemId) {
        /** Characters charged: all input texts. */
        public int characters() {
            return turns.stream().mapToInt(t -> t.normalized().original().length()).sum();
        }

        SpeechScript script(OutputFormat format, boolean keepAudio) {
            List<SpeechScript.Segment> segments = new ArrayList<>(turns.size());
            for (int i = 0; i < turns.size(); i++) {
                SpeechScript.Segment s = turns.get(i).segment();
                segments.add(i == 0 ? s : s.afterPause(PAUSE_SECONDS));
            }
            return new SpeechScript(segments, format, keepAudio);
        }

        /** The voice segments of the lines that ended in a chunk; character indices count into all input texts. */
        List<VoiceSegment> voiceSegments(List<SpeechChunk.SegmentSpan> spans) {
            List<VoiceSegment> out = new ArrayList<>(spans.size());
            for (SpeechChunk.SegmentSpan span : spans) {
                int start = 0;
                for (int i = 0; i < span.segment(); i++) start += turns.get(i).normalized().original().length();
                Prepared turn = turns.get(span.segment());
                out.add(new VoiceSegment(turn.voiceId(), span.startSeconds(), span.endSeconds(), start,
                        start + turn.normalized().original().length(), span.segment()));
            }
            return out;
        }
    }

    /** The whole audio of a dialogue as the API sends it (alignments and voice segments of all of it). */
    public record Result(AudioWithVoiceSegments body, byte[] audio, double seconds) {}

    /** Validates the script and binds each line to an engine; throws {@link ApiException} for bad input. */
    public Dialogue prepare(TextToDialogueRequest request) {
        return new Dialogue(checks.turns(request), request.modelIdOrDefault(), Ids.random(20), history.newId());
    }

    /** Speaks the whole dialogue (a whole-file run: it takes its turn, it does not yield). */
    public Result convert(Caller caller, Dialogue d, OutputFormat format, boolean logging) throws InterruptedException {
        try (Generation g = open(caller, d, format, logging, SpeechSynthesizer.Delivery.WHOLE)) {
            SpeechChunk all = g.rest();
            return new Result(g.body(all), all.audio(), g.seconds());
        }
    }

    /** Opens a streamed dialogue: pull its chunks from the returned generation, then close it. */
    public Generation stream(Caller caller, Dialogue d, OutputFormat format, boolean logging) throws InterruptedException {
        return open(caller, d, format, logging, SpeechSynthesizer.Delivery.STREAMED);
    }

    private Generation open(Caller caller, Dialogue d, OutputFormat format, boolean logging, SpeechSynthesizer.Delivery delivery)
            throws InterruptedException {
        SpeechRun run = speech.open(d.script(format, logging), delivery);
        try {
            return new Generation(d, format, logging, users.charge(caller, d.characters(), new ChargedFor(ChargedFor.TEXT_TO_DIALOGUE, null, d.modelId())), run);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** One charged dialogue ({@link RecordedRun}): its history item is stored (when logging) as the last chunk is pulled. */
    public final class Generation extends RecordedRun {
        private final Dialogue dialogue;
        private final OutputFormat format;
        private final Charge charge;

        private Generation(Dialogue dialogue, OutputFormat format, boolean logging, Charge charge, SpeechRun run) {
            super(run, logging);
            this.dialogue = dialogue;
            this.format = format;
            this.charge = charge;
        }

        @Override
        protected void completed(byte[] audio) {
            record(dialogue, format, charge, audio);
        }

        /** {@code c} as the API sends it, with the voice segments of the lines it ends. */
        public AudioWithVoiceSegments body(SpeechChunk c) {
            return AudioWithVoiceSegments.of(c, dialogue.voiceSegments(c.finished()));
        }
    }

    private void record(Dialogue d, OutputFormat format, Charge charge, byte[] audio) {
        ArrayNode lines = Json.MAPPER.createArrayNode();
        for (Prepared t : d.turns()) {
            lines.addObject().put("text", t.normalized().original()).put("voice_id", t.voiceId()).put("voice_name", t.voice().name());
        }
        JsonNode settings = Json.MAPPER.valueToTree(d.turns().get(0).tuning());
        history.record(d.historyItemId(), new NewHistoryItem(d.requestId(), null, null, null, d.modelId(), null,
                charge.from(), charge.to(), settings, "TTS", format.id(), format.contentType(), audio, lines));
    }
}
