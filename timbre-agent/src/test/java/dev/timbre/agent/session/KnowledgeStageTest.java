package dev.timbre.agent.session;

import static dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.knowledge.Knowledge;
import dev.timbre.agent.transcript.RagRetrieval;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KnowledgeStageTest {
    static final RagRetrieval FOUND = new RagRetrieval(List.of(
            new RagRetrieval.Chunk("doc_1", "chunk_1", 0.21, "The lighthouse keeper was named Elias Thorn."),
            new RagRetrieval.Chunk("doc_1", "chunk_2", 0.34, "The lighthouse was painted red in 1902.")),
            "e5_mistral_7b_instruct", "who kept the lighthouse?", 0.004);

    static AgentProfile agent(ScriptedLanguageModel model, Knowledge knowledge) {
        return new AgentProfile("agent_1", "A", "You answer questions.", "", "en", List.of("en"), List.of(), null, null, model,
                knowledge, null, null);
    }

    @Test
    void retrievedChunksGoIntoTheSystemPromptAndOntoTheAgentEntry() {
        var model = new ScriptedLanguageModel(Reply.text("Elias Thorn."));
        var queries = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var f = SessionFixture.started(SessionConfig.of("c", agent(model, q -> {
            queries.add(q);
            return FOUND;
        })));
        f.session.receive(new Frame.UserText("who kept the lighthouse?"));
        f.loop.drainUntil(() -> f.out.responses().contains("Elias Thorn."));

        assertThat(queries).containsExactly("who kept the lighthouse?");
        String prompt = model.requests.get(0).systemPrompt();
        assertThat(prompt).startsWith("You answer questions.").contains("Elias Thorn").contains("painted red in 1902");
        var agentEntry = f.out.transcript.get(f.out.transcript.size() - 1);
        assertThat(agentEntry.role()).isEqualTo("agent");
        assertThat(agentEntry.ragRetrieval()).isEqualTo(FOUND);
        assertThat(f.out.transcript.get(0).ragRetrieval()).isNull();
    }

    @Test
    void aFailingRetrievalLeavesTheTurnWithoutKnowledge() {
        var model = new ScriptedLanguageModel(Reply.text("I do not know."));
        var f = SessionFixture.started(SessionConfig.of("c", agent(model, q -> {
            throw new IllegalStateException("index gone");
        })));
        f.session.receive(new Frame.UserText("who kept the lighthouse?"));
        f.loop.drainUntil(() -> f.out.responses().contains("I do not know."));
        assertThat(model.requests.get(0).systemPrompt()).isEqualTo("You answer questions.");
        assertThat(f.out.transcript.get(f.out.transcript.size() - 1).ragRetrieval()).isNull();
    }

    @Test
    void aTurnInterruptedDuringRetrievalDropsItsResult() throws Exception {
        var model = new ScriptedLanguageModel(Reply.text("second answer"));
        CountDownLatch release = new CountDownLatch(1);
        var f = SessionFixture.started(SessionConfig.of("c", agent(model, q -> {
            if (q.equals("first")) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        })));
        f.session.receive(new Frame.UserText("first"));
        f.loop.drain();
        f.session.receive(new Frame.UserText("second"));
        f.loop.drainUntil(() -> f.out.responses().contains("second answer"));
        release.countDown();
        Thread.sleep(50);
        f.loop.drain();
        assertThat(model.requests).hasSize(1);
        assertThat(model.requests.get(0).messages().get(model.requests.get(0).messages().size() - 1).content()).isEqualTo("second");
    }
}
