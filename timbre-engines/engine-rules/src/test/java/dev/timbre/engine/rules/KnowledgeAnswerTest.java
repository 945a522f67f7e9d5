package dev.timbre.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeAnswerTest {
    static final String PROMPT = "You answer questions about the coast.\n\nUse the following information from the knowledge base "
            + "when it helps to answer. Each passage is separated by a line of dashes.\n\n"
            + "The lighthouse at Skerry Point was built in 1871. It was kept by Elias Thorn until 1911.\n\n---\n\n"
            + "The harbour is dredged every spring.";

    @Test
    void theRuleModelAnswersWithTheBestMatchingSentenceOfItsKnowledge() {
        var model = new RuleLanguageModel();
        String answer = model.complete(ChatRequest.of(List.of(ChatMessage.system(PROMPT),
                ChatMessage.user("Who kept the lighthouse?")))).text();
        assertThat(answer).isEqualTo("The lighthouse at Skerry Point was built in 1871. It was kept by Elias Thorn until 1911.");
        assertThat(model.complete(ChatRequest.of(List.of(ChatMessage.system(PROMPT), ChatMessage.user("When is the harbour dredged?")))).text())
                .isEqualTo("The harbour is dredged every spring.");
    }

    @Test
    void aLongPassageGivesItsBestSentence() {
        String filler = "Gulls nest on the cliffs. ".repeat(15);
        String prompt = "P\n\nUse the following information from the knowledge base.\n\n" + filler + "The ferry leaves at nine. " + filler;
        assertThat(KnowledgeAnswer.find(prompt, "When does the ferry leave?")).isEqualTo("The ferry leaves at nine.");
    }

    @Test
    void withoutKnowledgeOrAMatchItEchoesAsBefore() {
        var model = new RuleLanguageModel();
        assertThat(model.complete(ChatRequest.of(List.of(ChatMessage.system(PROMPT), ChatMessage.user("Tell me a joke")))).text())
                .isEqualTo("You said Tell me a joke. How can I help?");
        assertThat(model.complete(ChatRequest.of(List.of(ChatMessage.system("Be kind."), ChatMessage.user("lighthouse")))).text())
                .isEqualTo("You said lighthouse. How can I help?");
        assertThat(KnowledgeAnswer.find(null, "x")).isNull();
    }
}
