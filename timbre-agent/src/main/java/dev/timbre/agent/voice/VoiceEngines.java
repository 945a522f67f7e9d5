package dev.timbre.agent.voice;

import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.VoiceActivityDetector;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The engines one voice conversation uses, chosen by the server from the agent's {@code asr} and {@code tts} config.
 *
 * @param vad a new detector for 16 kHz frames (one per conversation: detectors keep state)
 * @param speechToText the recogniser; the conversation opens one {@link dev.timbre.engine.RecognitionStream} per user
 *                     utterance at 16 kHz
 * @param speech the agent's voice
 */
public record VoiceEngines(Supplier<VoiceActivityDetector> vad, SpeechToText speechToText, AgentSpeech speech) {
    public VoiceEngines {
        Objects.requireNonNull(vad, "vad");
        Objects.requireNonNull(speechToText, "speechToText");
        Objects.requireNonNull(speech, "speech");
    }
}
