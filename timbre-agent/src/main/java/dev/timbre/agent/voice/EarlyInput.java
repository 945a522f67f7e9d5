package dev.timbre.agent.voice;

import dev.timbre.agent.session.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * A voice conversation's input that arrives before the call starts (the transport's short pause), the one place it
 * waits: replayed in arrival order once the first message is on its way. Bounded: at most {@link #AUDIO_SECONDS} of
 * user audio and {@link #MAX_OTHER} other inputs; more is dropped. Loop thread only.
 */
final class EarlyInput {
    /** User audio kept before the call starts. */
    static final int AUDIO_SECONDS = 10;
    /** Other inputs (typed messages, activity, contextual updates…) kept before the call starts. */
    static final int MAX_OTHER = 100;

    private final long maxAudioBytes;
    private final List<Frame.Input> inputs = new ArrayList<>();
    private long audioBytes;
    private int others;

    /** {@code bytesPerSecond}: the input encoding's rate, which bounds the audio kept. */
    EarlyInput(int bytesPerSecond) { this.maxAudioBytes = (long) AUDIO_SECONDS * bytesPerSecond; }

    void add(Frame.Input in) {
        if (in instanceof Frame.UserAudio a) {
            if (a.audio() == null || audioBytes + a.audio().length > maxAudioBytes) return;
            audioBytes += a.audio().length;
        } else if (others < MAX_OTHER) {
            others++;
        } else {
            return;
        }
        inputs.add(in);
    }

    /** The inputs kept, in arrival order; empties this buffer. */
    List<Frame.Input> drain() {
        List<Frame.Input> out = List.copyOf(inputs);
        inputs.clear();
        audioBytes = 0;
        others = 0;
        return out;
    }
}
