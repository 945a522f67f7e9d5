package dev.timbre.convai.conversation.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoiceMarkupTest {
    static final Set<String> LABELS = Set.of("Joe", "Happy");

    static List<String> describe(String text, VoiceMarkup.Parsed p) {
        return p.parts().stream().map(x -> (x.markup() ? "~" : x.label() == null ? "" : x.label() + ":") + text.substring(x.from(), x.to())).toList();
    }

    @Test
    void tagsSwitchVoicesAndAreNotSpoken() {
        String t = "Hi. <Joe>I am Joe.</Joe> <Happy>Yay!</Happy> Bye.";
        var p = VoiceMarkup.parse(t, null, LABELS);
        assertThat(describe(t, p)).containsExactly("Hi. ", "~<Joe>", "Joe:I am Joe.", "~</Joe>", "~ ", "~<Happy>", "Happy:Yay!", "~</Happy>", " Bye.");
        assertThat(p.openAtEnd()).isNull();
    }

    @Test
    void aTagOpenAtTheEndOfASentenceGoesOnInTheNext() {
        var first = VoiceMarkup.parse("<Joe>First sentence.", null, LABELS);
        assertThat(first.openAtEnd()).isEqualTo("Joe");
        String t = "Second one.</Joe> Me again.";
        var second = VoiceMarkup.parse(t, first.openAtEnd(), LABELS);
        assertThat(describe(t, second)).containsExactly("Joe:Second one.", "~</Joe>", " Me again.");
        assertThat(second.openAtEnd()).isNull();
    }

    @Test
    void unknownLabelsAreSilentAndSpeakInTheDefaultVoice() {
        String t = "<Nobody>Hello</Nobody> 2 < 3 and 5 > 4.";
        var p = VoiceMarkup.parse(t, null, LABELS);
        assertThat(describe(t, p)).containsExactly("~<Nobody>", "Hello", "~</Nobody>", " 2 < 3 and 5 > 4.");
    }

    @Test
    void theInstructionsListTheVoices() {
        String s = VoiceMarkup.instructions(List.of("Joe"), List.of("a pirate"));
        assertThat(s).contains("<CHARACTER> message </CHARACTER>").contains("- default: any text outside of the CHARACTER tags").contains("- Joe: a pirate");
    }
}
