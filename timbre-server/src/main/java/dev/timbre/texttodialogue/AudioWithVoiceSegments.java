package dev.timbre.texttodialogue;

import dev.timbre.speech.CharacterAlignment;
import dev.timbre.speech.SpeechChunk;
import java.util.Base64;
import java.util.List;

/**
 * {@code AudioWithTimestampsAndVoiceSegmentsResponseModel} and its streaming twin
 * {@code StreamingAudioChunkWithTimestampsAndVoiceSegmentsResponseModel}: alignments may be null, {@code voice_segments}
 * is always a list (the official SDK requires it, even when empty).
 */
public record AudioWithVoiceSegments(String audioBase64, CharacterAlignment alignment, CharacterAlignment normalizedAlignment,
                              List<VoiceSegment> voiceSegments) {

    static AudioWithVoiceSegments of(SpeechChunk c, List<VoiceSegment> voiceSegments) {
        return new AudioWithVoiceSegments(Base64.getEncoder().encodeToString(c.audio()), c.alignment(), c.normalizedAlignment(),
                voiceSegments);
    }
}
