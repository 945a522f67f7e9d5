package dev.timbre.engines;

import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.remote.OpenAiTranscriptionSpeechToText;
import java.net.URI;
import java.util.List;

/**
 * Speech to text on several engine nodes: {@code TIMBRE_STT_URL=http://gpu1:8080,http://gpu2:8080} (the {@code openai}
 * provider with a comma-separated list). Each recognition goes to the first node, in the order written, that is
 * healthy ({@link EngineNodeHealth}, the node's {@code /health/ready}) and answers; a retryable failure (unreachable,
 * timeout, 5xx, 429) moves on to the next node at once, since recognition is one synchronous request. When every
 * node failed or is unhealthy the last failure is thrown (503 to the caller). No local fallback: a node has one
 * speech-to-text provider. Streaming recognition buffers and calls {@link #transcribe} (the SPI's default).
 * Thread-safe; {@link #close()} stops the health checks.
 */
final class EngineNodesSpeechToText implements SpeechToText {
    private record Node(String base, OpenAiTranscriptionSpeechToText client) {}

    private final List<Node> nodes;
    private final EngineNodeHealth health;

    EngineNodesSpeechToText(List<OpenAiTranscriptionSpeechToText> clients, long healthMillis) {
        if (clients.isEmpty()) throw new IllegalArgumentException("TIMBRE_STT_URL names no engine node");
        this.nodes = clients.stream().map(c -> new Node(root(c.endpoint()), c)).toList();
        this.health = new EngineNodeHealth(nodes.stream().map(Node::base).distinct().toList(), healthMillis);
    }

    private static String root(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    }

    @Override
    public EngineInfo info() {
        EngineInfo first = nodes.get(0).client().info();
        return new EngineInfo(first.provider(), "engine nodes " + nodes.stream().map(Node::base).toList() + " (first healthy answers)",
                first.capabilities());
    }

    @Override
    public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
        EngineException last = null;
        for (Node n : nodes) {
            if (!health.healthy(n.base())) continue;
            try {
                return n.client().transcribe(pcm, format, languageCode);
            } catch (EngineException e) {
                if (!e.retryable()) throw e;
                last = e;
            }
        }
        throw last != null ? last : new EngineException("no speech-to-text engine node is healthy", null, true);
    }

    @Override
    public void close() {
        health.close();
        nodes.forEach(n -> n.client().close());
    }
}
