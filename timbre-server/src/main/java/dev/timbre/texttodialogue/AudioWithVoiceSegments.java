package dev.timbre.texttodialogue;

import dev.timbre.texttospeech.CharacterAlignment;
import java.util.Base64;
import java.util.List;

/**
 * {@code AudioWithTimestampsAndVoiceSegmentsResponseModel} and its streaming twin
 * {@code StreamingAudioChunkWithTimestampsAndVoiceSegmentsResponseModel}: alignments may be null, {@code voice_segments}
 * is always a list (the official SDK requires it, even when empty).
 */
record AudioWithVoiceSegments(String audioBase64, CharacterAlignment alignment, CharacterAlignment normalizedAlignment,
                              List<VoiceSegment> voiceSegments) {

    static AudioWithVoiceSegments of(DialogueMix.Chunk c) {
        return new AudioWithVoiceSegments(Base64.getEncoder().encodeToString(c.audio()), c.alignment(), c.normalizedAlignment(),
                c.voiceSegments());
    }
}
