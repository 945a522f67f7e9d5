package dev.timbre.engines;

import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.remote.ElevenLabsTextToSpeech;
import java.util.List;

/**
 * One engine node's text to speech as {@link EngineNodes} uses it: the node's ElevenLabs-style client with forced
 * alignment, asked for the model the API node was asked for ({@link #openStream(SpeechRequest, AudioSink, String)}:
 * {@code model_id} of the node's request is the caller's model id, so the node speaks with its own binding of that
 * model); without a model, the configured one ({@code TIMBRE_TTS_MODEL}, default {@code eleven_multilingual_v2}).
 * Thread-safe; {@link #close()} closes the aligned client (and its HTTP client).
 */
final class EngineNodeClient implements TextToSpeech {
    private final ElevenLabsTextToSpeech node;
    private final ForcedAlignedSpeech aligned;

    /** @param aligned {@code node} wrapped in its forced alignment (owned: closed with this) */
    EngineNodeClient(ElevenLabsTextToSpeech node, ForcedAlignedSpeech aligned) {
        this.node = node;
        this.aligned = aligned;
    }

    @Override
    public EngineInfo info() { return aligned.info(); }

    @Override
    public List<VoiceDescriptor> voices() { return aligned.voices(); }

    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        return aligned.openStream(request, out);
    }

    /** A synthesis on this node asking it for {@code model} (null: the configured model). */
    SpeechStream openStream(SpeechRequest request, AudioSink out, String model) {
        return aligned.openStream(request, out, node.withModel(model));
    }

    @Override
    public void close() { aligned.close(); }
}
