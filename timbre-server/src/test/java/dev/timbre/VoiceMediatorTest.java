package dev.timbre;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The voice pipeline has one mediator: its parts report to {@code VoiceConversation} and reach neither each other,
 * nor the mediator, nor the session it wraps.
 */
class VoiceMediatorTest {
    private static final String VOICE = "dev.timbre.agent.voice.";
    private static final List<String> PARTS = List.of("Listening", "AgentVoice", "VoiceTimers", "TurnMeters");

    @Test
    void thePartsOfAVoiceCallKnowOnlyThemselves() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.timbre.agent");
        for (String part : PARTS) {
            List<String> others = new ArrayList<>(PARTS.stream().filter(p -> !p.equals(part)).map(p -> VOICE + p).toList());
            others.add(VOICE + "VoiceConversation");
            others.add("dev.timbre.agent.session.ConversationSession");
            others.add("dev.timbre.agent.session.VoiceHooks");
            String pattern = "(" + String.join("|", others).replace(".", "\\.") + ")(\\$.*)?";
            noClasses().that().haveNameMatching((VOICE + part).replace(".", "\\.") + "(\\$.*)?")
                    .should().dependOnClassesThat().haveNameMatching(pattern)
                    .check(classes);
        }
    }
}
