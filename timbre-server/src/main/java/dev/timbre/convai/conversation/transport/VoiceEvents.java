package dev.timbre.convai.conversation.transport;

import static dev.timbre.convai.conversation.transport.ServerEvents.body;
import static dev.timbre.convai.conversation.transport.ServerEvents.event;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SpokenChars;
import java.util.Base64;
import java.util.Map;

/** The voice events of the conversation socket ({@code @elevenlabs/types}' shapes), as JSON-ready maps. */
final class VoiceEvents {
    private VoiceEvents() {}

    /** The event of a voice frame; null for other frames. */
    static Map<String, Object> of(Frame.Output f) {
        if (f instanceof Frame.AgentAudio a) {
            return event("audio", "audio_event", body("audio_base_64", Base64.getEncoder().encodeToString(a.audio()),
                    "event_id", a.eventId(), "alignment", alignment(a.alignment())));
        }
        if (f instanceof Frame.UserTranscript t) {
            return event("user_transcript", "user_transcription_event", body("user_transcript", t.text()));
        }
        if (f instanceof Frame.TentativeUserTranscript t) {
            return event("tentative_user_transcript", "tentative_user_transcription_event", body("user_transcript", t.text()));
        }
        if (f instanceof Frame.VadScore v) {
            return event("vad_score", "vad_score_event", body("vad_score", Math.round(v.score() * 1000) / 1000.0));
        }
        if (f instanceof Frame.Interruption i) {
            return event("interruption", "interruption_event", body("event_id", i.eventId()));
        }
        if (f instanceof Frame.ResponseCorrection c) {
            return event("agent_response_correction", "agent_response_correction_event",
                    body("original_agent_response", c.original(), "corrected_agent_response", c.corrected()));
        }
        return null;
    }

    /** Always the three arrays (empty when no character settled in the chunk), of equal length. */
    private static Map<String, Object> alignment(SpokenChars chars) {
        SpokenChars c = chars == null ? SpokenChars.EMPTY : chars;
        return body("chars", c.chars(), "char_start_times_ms", c.startMs(), "char_durations_ms", c.durationMs());
    }
}
