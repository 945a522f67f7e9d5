package dev.timbre.texttodialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.timbre.common.Ids;
import dev.timbre.audio.OutputFormat;
import dev.timbre.history.HistoryService;
import dev.timbre.history.NewHistoryItem;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.texttospeech.MeteredSynthesis;
import dev.timbre.texttospeech.SynthesisSlots;
import dev.timbre.texttospeech.CharacterAlignment;
import dev.timbre.texttospeech.TextToSpeechService.Prepared;
import dev.timbre.user.Charge;
import dev.timbre.user.UserService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text to dialogue as a use case: {@link #prepare} checks a script and binds every line to its voice's engine; the
 * other methods speak it whole or as a stream (see {@link DialogueMix}). All characters of the script are charged
 * once the first audio exists; one history item (source {@code TTS}, {@code dialogue} filled, no single voice or text)
 * is stored once the audio is complete, unless logging is off. Thread-safe; each dialogue runs on the calling thread.
 */
public final class TextToDialogueService {
    private final DialogueChecks checks;
    private final UserService users;
    private final HistoryService history;
    private final SynthesisSlots slots;

    public TextToDialogueService(DialogueChecks checks, UserService users, HistoryService history, SynthesisSlots slots) {
        this.slots = slots;
        this.checks = checks;
        this.users = users;
        this.history = history;
    }

    /** A checked script: one prepared synthesis per input, in order, and the ids the response announces. */
    public record Dialogue(List<Prepared> turns, String modelId, String requestId, String historyItemId) {
        /** Characters charged: all input texts. */
        public int characters() {
            return turns.stream().mapToInt(t -> t.normalized().original().length()).sum();
        }
    }

    /** The whole audio of a dialogue, with alignments and voice segments of all of it. */
    public record Result(byte[] audio, CharacterAlignment alignment, CharacterAlignment normalizedAlignment,
                         List<VoiceSegment> voiceSegments, double seconds) {}

    /** Validates the script and binds each line to an engine; throws {@link ApiException} for bad input. */
    public Dialogue prepare(TextToDialogueRequest request) {
        return new Dialogue(checks.turns(request), request.modelIdOrDefault(), Ids.random(20), history.newId());
    }

    public Result convert(Dialogue d, OutputFormat format, boolean logging) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        List<CharacterAlignment> alignments = new ArrayList<>(), normalized = new ArrayList<>();
        List<VoiceSegment> segments = new ArrayList<>();
        try {
            double seconds = stream(d, format, logging, c -> {
                audio.writeBytes(c.audio());
                if (c.alignment() != null) alignments.add(c.alignment());
                if (c.normalizedAlignment() != null) normalized.add(c.normalizedAlignment());
                segments.addAll(c.voiceSegments());
            });
            return new Result(audio.toByteArray(), joined(alignments), joined(normalized), segments, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /**
     * Streams the dialogue to {@code listener} as it is made. An {@link IOException} from the listener (the client
     * went away) cancels the synthesis and is rethrown; no history item is stored then.
     */
    public double stream(Dialogue d, OutputFormat format, boolean logging, DialogueMix.Listener listener) throws IOException {
        return MeteredSynthesis.run(slots, users, d.characters(), logging,
                (charge, keep) -> DialogueMix.run(d.turns(), format, charge, c -> {
                    keep.bytes(c.audio());
                    listener.chunk(c);
                }),
                (charge, audio) -> record(d, format, charge, audio));
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

    private static CharacterAlignment joined(List<CharacterAlignment> parts) {
        if (parts.isEmpty()) return null;
        List<String> chars = new ArrayList<>();
        List<Double> starts = new ArrayList<>(), ends = new ArrayList<>();
        for (CharacterAlignment a : parts) {
            chars.addAll(a.characters());
            starts.addAll(a.characterStartTimesSeconds());
            ends.addAll(a.characterEndTimesSeconds());
        }
        return new CharacterAlignment(chars, starts, ends);
    }
}
