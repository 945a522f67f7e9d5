package dev.timbre.agent.voice;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The voice side of one conversation's settings, read by the server from the agent's {@code conversation_config}
 * ({@code asr}, {@code tts}, {@code turn}, {@code conversation.client_events}, {@code agent}) after overrides.
 *
 * @param input {@code asr.user_input_audio_format}
 * @param output {@code tts.agent_output_audio_format}
 * @param languageCode the conversation's language (ISO 639-1) for recognition
 * @param keywords {@code asr.keywords}: words to favour in recognition (may be empty)
 * @param turnTimeout {@code turn.turn_timeout}: user silence after the agent finished speaking before the agent
 *                    re-engages the user; null when disabled (-1)
 * @param eagerness {@code turn.turn_eagerness}
 * @param speculativeTurn {@code turn.speculative_turn}: the LLM may start on a stable partial transcript during the
 *                        end-of-turn silence; its reply is discarded if the user goes on
 * @param softTimeout {@code turn.soft_timeout_config.timeout_seconds}: wait for the LLM's first output before a filler
 *                    message is spoken; null when disabled (-1)
 * @param softTimeoutMessages the filler messages ({@code message}, then {@code additional_soft_timeout_messages})
 * @param interruptions true when {@code interruption} is among {@code conversation.client_events}: user speech over
 *                      the agent stops it (barge-in); when false the agent finishes its sentence
 * @param firstMessageInterruptible false when {@code agent.disable_first_message_interruptions} is true
 */
public record VoiceSettings(AudioEncoding input, AudioEncoding output, String languageCode, List<String> keywords,
                            Duration turnTimeout, Eagerness eagerness, boolean speculativeTurn, Duration softTimeout,
                            List<String> softTimeoutMessages, boolean interruptions, boolean firstMessageInterruptible) {
    public VoiceSettings {
        input = input == null ? AudioEncoding.PCM_16000 : input;
        output = output == null ? AudioEncoding.PCM_16000 : output;
        languageCode = languageCode == null || languageCode.isBlank() ? "en" : languageCode;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        eagerness = eagerness == null ? Eagerness.NORMAL : eagerness;
        softTimeoutMessages = softTimeoutMessages == null ? List.of() : List.copyOf(softTimeoutMessages);
    }

    /** Defaults as a new ElevenLabs agent has them: pcm_16000 both ways, 7 s turn timeout, normal, interruptions on. */
    public static VoiceSettings defaults() {
        return new VoiceSettings(null, null, "en", List.of(), Duration.ofSeconds(7), Eagerness.NORMAL, false, null,
                List.of(), true, true);
    }

    /** {@code turn.turn_eagerness}: how long a silence ends the user's turn. */
    public enum Eagerness {
        PATIENT, NORMAL, EAGER;

        public static Eagerness parse(String s) {
            if (s == null || s.isBlank()) return NORMAL;
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }
}
