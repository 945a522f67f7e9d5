package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.VoiceLikeTone;
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

    /** An end of turn that heard {@code voice} and then got {@code hypotheses} during the silence. */
    private static EndOfTurn after(VoiceSettings.Eagerness e, short[] voice, String... hypotheses) {
        EndOfTurn end = new EndOfTurn(e);
        end.utteranceStarted();
        for (short[] f : Voices.frames(voice)) end.heard(f, true);
        end.heard(new short[512], false);
        for (String h : hypotheses) end.hypothesis(h);
        return end;
    }

    private static final short[] FALLING = VoiceLikeTone.glide(640, 190, 140);
    private static final short[] FLAT = VoiceLikeTone.glide(640, 160, 160);

    @Test
    void finishedWordsAndAFallingVoiceEndAnEagerTurnAfterTheQuickSilence() {
        EndOfTurn end = after(VoiceSettings.Eagerness.EAGER, FALLING, "book a table for two", "book a table for two");
        assertThat(end.reached(EndOfTurn.EAGER_QUICK_MS - 32, "book a table for two")).isFalse();
        assertThat(end.reached(EndOfTurn.EAGER_QUICK_MS, "book a table for two")).isTrue();
    }

    /** Normal and patient turns keep their silence: the quick one drew more early replies at mid-sentence pauses. */
    @Test
    void normalAndPatientTurnsWaitTheirSilenceEvenWhenFinished() {
        EndOfTurn normal = after(VoiceSettings.Eagerness.NORMAL, FALLING, "book a table for two", "book a table for two");
        assertThat(normal.reached(EndOfTurn.NORMAL_MS - 32, "book a table for two")).isFalse();
        assertThat(normal.reached(EndOfTurn.NORMAL_MS, "book a table for two")).isTrue();
        EndOfTurn patient = after(VoiceSettings.Eagerness.PATIENT, FALLING, "yes", "yes");
        assertThat(patient.reached(EndOfTurn.PATIENT_MS - 32, "yes")).isFalse();
        assertThat(patient.reached(EndOfTurn.PATIENT_MS, "yes")).isTrue();
    }

    @Test
    void aFlatOrRisingVoiceWaitsTheEagernessTime() {
        for (short[] voice : new short[][] {FLAT, VoiceLikeTone.glide(640, 140, 190)}) {
            EndOfTurn end = after(VoiceSettings.Eagerness.NORMAL, voice, "book a table for two", "book a table for two");
            assertThat(end.reached(EndOfTurn.NORMAL_MS - 32, "book a table for two")).isFalse();
            assertThat(end.reached(EndOfTurn.NORMAL_MS, "book a table for two")).isTrue();
        }
    }

    @Test
    void theQuickSilenceNeedsAStableHypothesisThatIsThePartial() {
        String text = "book a table for two";
        assertThat(after(VoiceSettings.Eagerness.EAGER, FALLING, text).reached(100, text)).as("one hypothesis").isFalse();
        assertThat(after(VoiceSettings.Eagerness.EAGER, FALLING, "book a table", text).reached(100, text)).as("changed").isFalse();
        assertThat(after(VoiceSettings.Eagerness.EAGER, FALLING, "book a table", text, text).reached(100, text)).isTrue();
        assertThat(after(VoiceSettings.Eagerness.EAGER, FALLING, "book a", "book a").reached(100, text)).as("not the partial").isFalse();
        EndOfTurn resumed = after(VoiceSettings.Eagerness.EAGER, FALLING, text, text);
        resumed.heard(FALLING, true); // the user went on: the hypotheses were about an earlier silence
        assertThat(resumed.reached(100, text)).isFalse();
    }

    @Test
    void wordsThatCannotEndASentenceWaitTheirTimeWhateverTheVoice() {
        String about = "I want to talk about";
        assertThat(after(VoiceSettings.Eagerness.NORMAL, FALLING, about, about).reached(200, about)).isFalse();
        assertThat(after(VoiceSettings.Eagerness.NORMAL, FALLING, about, about).reached(EndOfTurn.NORMAL_MS, about)).isTrue();
        String is = "my number is";
        assertThat(after(VoiceSettings.Eagerness.NORMAL, FALLING, is, is).reached(EndOfTurn.PATIENT_MS - 32, is)).isFalse();
        assertThat(after(VoiceSettings.Eagerness.NORMAL, FALLING, is, is).reached(EndOfTurn.PATIENT_MS, is)).isTrue();
    }

    @Test
    void aNewUtteranceForgetsTheVoiceOfTheLast() {
        EndOfTurn end = after(VoiceSettings.Eagerness.EAGER, FALLING, "yes", "yes");
        end.utteranceStarted();
        for (short[] f : Voices.frames(VoiceLikeTone.glide(128, 120, 120))) end.heard(f, true); // lower than the last: a fall without the reset
        end.hypothesis("yes");
        end.hypothesis("yes");
        assertThat(end.reached(100, "yes")).isFalse();
    }
}
