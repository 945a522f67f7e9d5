package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame;
import org.junit.jupiter.api.Test;

class EarlyInputTest {
    @Test
    void inputIsReplayedInArrivalOrderOnce() {
        var early = new EarlyInput(32_000);
        var audio = new Frame.UserAudio(new byte[640]);
        var text = new Frame.UserText("hi");
        var activity = new Frame.UserActivity();
        early.add(audio);
        early.add(text);
        early.add(activity);

        assertThat(early.drain()).containsExactly(audio, text, activity);
        assertThat(early.drain()).isEmpty();
    }

    @Test
    void audioPastTenSecondsAndInputsPastTheLimitAreDropped() {
        var early = new EarlyInput(1000); // 1000 bytes a second: 10 000 bytes kept
        for (int i = 0; i < 11; i++) early.add(new Frame.UserAudio(new byte[1000]));
        for (int i = 0; i < EarlyInput.MAX_OTHER + 5; i++) early.add(new Frame.ContextualUpdate("note " + i));

        var kept = early.drain();
        assertThat(kept.stream().filter(Frame.UserAudio.class::isInstance)).hasSize(EarlyInput.AUDIO_SECONDS);
        assertThat(kept.stream().filter(Frame.ContextualUpdate.class::isInstance)).hasSize(EarlyInput.MAX_OTHER);
        assertThat(kept.get(kept.size() - 1)).isEqualTo(new Frame.ContextualUpdate("note " + (EarlyInput.MAX_OTHER - 1)));
    }
}
