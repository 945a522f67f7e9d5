package dev.timbre.agent.session;

import static dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame.ResponsePart.PartType;
import dev.timbre.engine.ChatMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationSessionTest {
    @Test
    void firstMessageIsSentWithVariablesSubstituted() {
        var model = new ScriptedLanguageModel();
        var agent = SessionFixture.agent(model, "You help {{name}}.", "Hi {{name}}, call {{system__conversation_id}} by {{system__agent_id}}.");
        var f = SessionFixture.started(SessionConfig.of("conv_1", agent).withDynamicVariables(Map.of("name", "Ada")));

        assertThat(f.out.responses()).containsExactly("Hi Ada, call conv_1 by agent_1.");
        assertThat(f.out.transcript).hasSize(1);
        assertThat(f.out.transcript.get(0).role()).isEqualTo("agent");
        assertThat(model.requests).isEmpty();
    }

    @Test
    void emptyFirstMessageWaitsForTheUser() {
        var f = SessionFixture.started(SessionConfig.of("conv_1", SessionFixture.agent(new ScriptedLanguageModel(), "", "")));
        assertThat(f.out.frames).isEmpty();
        assertThat(f.out.end).isNull();
    }

    @Test
    void userMessageStreamsPartsThenTheWholeResponse() {
        var model = new ScriptedLanguageModel(Reply.text("Hello ", "there", "!"));
        var f = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(model, "Be {{tone}}.", "Hi"))
                .withDynamicVariables(Map.of("tone", "kind")));
        f.say("hey");

        var parts = f.out.all(Frame.ResponsePart.class);
        assertThat(parts).extracting(Frame.ResponsePart::type)
                .containsExactly(PartType.START, PartType.DELTA, PartType.DELTA, PartType.DELTA, PartType.STOP);
        assertThat(parts).extracting(Frame.ResponsePart::eventId).containsOnly(parts.get(0).eventId());
        assertThat(f.out.responses()).containsExactly("Hi", "Hello there!");
        assertThat(f.out.frames.get(f.out.frames.size() - 1)).isEqualTo(new Frame.AgentResponse(parts.get(0).eventId(), "Hello there!"));
        var request = model.requests.get(0);
        assertThat(request.systemPrompt()).isEqualTo("Be kind.");
        assertThat(request.messages()).extracting(ChatMessage::content).containsExactly("Be kind.", "Hi", "hey");
        assertThat(f.out.transcript).extracting(e -> e.role() + ":" + e.message()).containsExactly("agent:Hi", "user:hey", "agent:Hello there!");
    }

    @Test
    void inputsBeforeTheStartWaitForTheFirstMessage() {
        var model = new ScriptedLanguageModel(Reply.text("Answer"));
        var f = new SessionFixture(SessionConfig.of("c", SessionFixture.agent(model, "", "Greeting")), null, null);
        f.session.receive(new Frame.UserText("early"));
        f.session.start(Duration.ofMillis(50));
        f.loop.drain();
        assertThat(f.out.frames).isEmpty();
        f.loop.advance(Duration.ofMillis(50));
        assertThat(f.out.responses()).containsExactly("Greeting", "Answer");
    }

    @Test
    void inputsBeforeTheStartAreBounded() {
        var model = new ScriptedLanguageModel(Reply.text("Answer"));
        var f = new SessionFixture(SessionConfig.of("c", SessionFixture.agent(model, "", "")), null, null);
        for (int i = 0; i < ConversationSession.MAX_EARLY_INPUTS + 50; i++) f.session.receive(new Frame.ContextualUpdate("note " + i));
        f.session.start(null);
        f.say("hi");
        assertThat(model.requests.get(0).messages()).filteredOn(m -> m.content().startsWith("Context update"))
                .hasSize(ConversationSession.MAX_EARLY_INPUTS);
    }

    @Test
    void contextualUpdateAddsContextWithoutAReply() {
        var model = new ScriptedLanguageModel(Reply.text("ok"));
        var f = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(model, "P", "")));
        f.session.receive(new Frame.ContextualUpdate("user is on the pricing page"));
        f.loop.drain();
        assertThat(f.out.frames).isEmpty();
        f.say("hello");
        assertThat(model.requests.get(0).systemPrompt()).contains("user is on the pricing page");
    }

    @Test
    void aNewUserMessageCancelsTheReplyInProgress() {
        var model = new ScriptedLanguageModel(Reply.hang("Let me tell you a long"), Reply.text("Short answer"));
        var f = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(model, "", "")));
        f.say("tell me a story");
        f.say("actually, stop");

        assertThat(model.closed.get(0)).isTrue();
        var parts = f.out.all(Frame.ResponsePart.class);
        assertThat(parts.get(2)).isEqualTo(new Frame.ResponsePart(parts.get(0).eventId(), PartType.STOP, ""));
        assertThat(f.out.responses()).containsExactly("Short answer");
        var interrupted = f.out.transcript.get(1);
        assertThat(interrupted.interrupted()).isTrue();
        assertThat(interrupted.message()).isEqualTo("Let me tell you a long");
        assertThat(model.requests.get(1).messages()).extracting(ChatMessage::content)
                .containsExactly("tell me a story", "Let me tell you a long", "actually, stop");
    }

    @Test
    void maxDurationEndsTheCall() {
        var f = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(new ScriptedLanguageModel(), "", "Hi"))
                .withMaxDuration(Duration.ofSeconds(30)));
        f.loop.advance(Duration.ofSeconds(29));
        assertThat(f.out.end).isNull();
        f.loop.advance(Duration.ofSeconds(1));
        assertThat(f.out.all(Frame.Error.class)).singleElement().extracting(Frame.Error::errorType).isEqualTo("max_duration_exceeded");
        assertThat(f.out.end.errorType()).isEqualTo("max_duration_exceeded");
        assertThat(f.out.end.terminationReason()).isEqualTo("Maximum duration exceeded");
        assertThat(f.loop.shutDown).isTrue();
    }

    @Test
    void userActivityResetsTheIdleTimer() {
        var f = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(new ScriptedLanguageModel(), "", ""))
                .withIdleTimeout(Duration.ofSeconds(10)));
        f.loop.advance(Duration.ofSeconds(8));
        f.session.receive(new Frame.UserActivity());
        f.loop.advance(Duration.ofSeconds(8));
        assertThat(f.out.end).isNull();
        f.loop.advance(Duration.ofSeconds(2));
        assertThat(f.out.end).isNotNull();
        assertThat(f.out.end.closeCode()).isEqualTo(1000);
    }

    @Test
    void llmFailureApologisesAndEndsWithAnError() {
        var model = new ScriptedLanguageModel(Reply.fail("all providers failed"));
        var f = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(model, "", "")));
        f.say("hello");

        assertThat(f.out.responses()).containsExactly(ConversationSession.APOLOGY);
        var error = f.out.all(Frame.Error.class).get(0);
        assertThat(error.code()).isEqualTo(1011);
        assertThat(error.errorType()).isEqualTo("llm_error");
        assertThat(error.message()).as("the model's detail (URLs, upstream bodies) stays in the log").isEqualTo("The language model failed.");
        assertThat(f.out.end.errorMessage()).doesNotContain("all providers failed");
        assertThat(f.out.end.closeCode()).isEqualTo(1011);
        assertThat(f.out.end.transcript()).extracting(e -> e.message()).containsExactly("hello", ConversationSession.APOLOGY);
    }

    @Test
    void feedbackMarksTheAgentMessage() {
        var f = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(new ScriptedLanguageModel(Reply.text("Sure")), "", "Hi")));
        f.say("help");
        int eventId = f.out.all(Frame.AgentResponse.class).get(1).eventId();
        f.session.receive(new Frame.Feedback("like", eventId));
        f.session.hangUp("Client disconnected: 1000", 1000);
        f.loop.drain();
        assertThat(f.out.end.transcript().get(2).feedback()).isEqualTo("like");
        assertThat(f.out.end.terminationReason()).isEqualTo("Client disconnected: 1000");
    }
}
