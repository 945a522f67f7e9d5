package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndOfTurnTest {
    private final EndOfTurn normal = new EndOfTurn(VoiceSettings.Eagerness.NORMAL);

    @Test
    void openersPeoplePauseAfterWaitThePatientTime() {
        for (String partial : new String[] {"hello", "Hello,", "well", "okay", "thank you", "Thank you,", "um so", "good morning"}) {
            assertThat(EndOfTurn.unfinished(partial)).as(partial).isTrue();
            assertThat(normal.reached(EndOfTurn.NORMAL_MS, partial)).as(partial).isFalse();
            assertThat(normal.reached(EndOfTurn.PATIENT_MS, partial)).as(partial).isTrue();
        }
    }

    @Test
    void completePhrasesEndAtTheEagernessTime() {
        for (String partial : new String[] {"when does the store open tomorrow", "yes", "thank you very much", "hello there how are you"}) {
            assertThat(EndOfTurn.unfinished(partial)).as(partial).isFalse();
            assertThat(normal.reached(EndOfTurn.NORMAL_MS, partial)).as(partial).isTrue();
        }
        assertThat(new EndOfTurn(VoiceSettings.Eagerness.EAGER).reached(EndOfTurn.EAGER_MS, "yes")).isTrue();
        assertThat(new EndOfTurn(VoiceSettings.Eagerness.PATIENT).reached(EndOfTurn.NORMAL_MS, "yes")).isFalse();
    }

    @Test
    void blankAndPunctuationOnlyPartialsAreNotUnfinished() {
        assertThat(EndOfTurn.unfinished("")).isFalse();
        assertThat(EndOfTurn.unfinished("   ")).isFalse();
        assertThat(EndOfTurn.unfinished("...")).isFalse();
        assertThat(EndOfTurn.unfinished(null)).isFalse();
    }
}
