package dev.timbre.convai.conversation.phone;

import dev.timbre.agent.session.SpokenChars;
import dev.timbre.agent.voice.AgentSpeech;
import dev.timbre.audio.G711;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warm transfer's {@code agent_message} in the agent's voice, as the operator hears it: spoken by the conversation's
 * {@link AgentSpeech} (the server's speech layer, the agent's voice, model and settings, as everything the agent says),
 * then resampled to 8 kHz and μ-law encoded. Synthesis starts when {@link #start} is called (while the destination
 * rings); {@code get()} waits at most {@link #WAIT_SECONDS} for it. Bounded: at most {@link #MAX_SECONDS} of audio
 * are kept. A failure or time-out is an empty message (logged): the operator is then connected without it.
 * Thread-safe; callbacks arrive on a speech thread.
 */
final class OperatorGreeting {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorGreeting.class);
    static final int WAIT_SECONDS = 20;
    static final int MAX_SECONDS = 120;

    private OperatorGreeting() {}

    /** Starts speaking {@code text}; the supplier returns its μ-law 8 kHz audio (empty for blank text). */
    static Supplier<byte[]> start(AgentSpeech speech, String text) {
        if (speech == null || text == null || text.isBlank()) return () -> new byte[0];
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        int[] rate = {0};
        AgentSpeech.Utterance u = speech.speak(text, new AgentSpeech.Listener() {
            @Override public void audio(PcmFormat format, byte[] chunk, SpokenChars chars) {
                synchronized (pcm) {
                    if (rate[0] == 0) rate[0] = format.sampleRate();
                    byte[] at = format.sampleRate() == rate[0] ? chunk : Resampler.resampleAll(chunk, format.sampleRate(), rate[0]);
                    if (pcm.size() + at.length <= (long) MAX_SECONDS * rate[0] * 2) pcm.writeBytes(at);
                }
            }

            @Override public void done() {
                synchronized (pcm) {
                    done.complete(rate[0] == 0 ? new byte[0] : G711.ulaw(Resampler.resampleAll(pcm.toByteArray(), rate[0], 8000)));
                }
            }

            @Override public void failed(Exception e) { done.completeExceptionally(e); }
        });
        return () -> {
            try {
                return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                u.cancel();
                return new byte[0];
            } catch (Exception e) {
                u.cancel();
                LOG.info("the operator message could not be spoken ({}); the operator is connected without it", e.toString());
                return new byte[0];
            }
        };
    }
}
