package dev.timbre.agent.session;

import static dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ToolRoundsTest {
    static final AgentTool LOOKUP = AgentTool.client(new ToolSpec("lookup", "find things", null), true, Duration.ofSeconds(5));
    static final AgentTool NOTIFY = AgentTool.client(new ToolSpec("notify", "tell the page", null), false, null);
    static final AgentTool WEATHER = AgentTool.webhook(new ToolSpec("weather", "the weather", null), Duration.ofSeconds(3), "cfg");

    static SessionFixture with(ScriptedLanguageModel model, ToolRunner runner, AgentDirectory dir, AgentTool... tools) {
        return SessionFixture.started(SessionConfig.of("conv_9", SessionFixture.agent(model, "", "", tools))
                .withDynamicVariables(Map.of("city", "Paris")), runner, dir);
    }

    static String lastToolMessage(ScriptedLanguageModel model) {
        var messages = model.requests.get(model.requests.size() - 1).messages();
        return messages.stream().filter(m -> m.role() == ChatMessage.Role.TOOL).reduce((a, b) -> b).orElseThrow().content();
    }

    @Test
    void clientToolRoundTripGivesTheResultToTheLlm() {
        var model = new ScriptedLanguageModel(Reply.textAndTools("Checking.", new ToolCall("call_1", "lookup", "{\"q\":\"{{city}}\"}")),
                Reply.text("Found it."));
        var f = with(model, null, null, LOOKUP);
        f.say("find Paris");

        var call = f.out.all(Frame.ClientToolCall.class).get(0);
        assertThat(call.toolName()).isEqualTo("lookup");
        assertThat(call.toolCallId()).isEqualTo("call_1");
        assertThat(call.parametersJson()).isEqualTo("{\"q\":\"Paris\"}");
        assertThat(f.out.all(Frame.ToolRequest.class)).singleElement().extracting(Frame.ToolRequest::toolType).isEqualTo("client");
        assertThat(model.requests).hasSize(1);

        f.session.receive(new Frame.ClientToolResult("call_1", "42 results", false));
        f.loop.drain();
        assertThat(lastToolMessage(model)).isEqualTo("42 results");
        assertThat(f.out.responses()).containsExactly("Checking.", "Found it.");
        var response = f.out.all(Frame.ToolResponse.class).get(0);
        assertThat(response.isError()).isFalse();
        assertThat(response.isCalled()).isTrue();
        var entry = f.out.transcript.get(1);
        assertThat(entry.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("client");
            assertThat(c.paramsAsJson()).isEqualTo("{\"q\":\"Paris\"}");
        });
        assertThat(entry.toolResults()).singleElement().satisfies(r -> assertThat(r.resultValue()).isEqualTo("42 results"));
    }

    @Test
    void aUserMessageDuringAToolCallCancelsItCleanly() {
        var model = new ScriptedLanguageModel(Reply.textAndTools("Checking.", new ToolCall("c9", "lookup", "{}")), Reply.text("New answer."));
        var f = with(model, null, null, LOOKUP);
        f.say("find it");
        f.say("never mind");
        assertThat(f.out.all(Frame.ResponsePart.class).stream().filter(p -> p.type() == Frame.ResponsePart.PartType.STOP)).hasSize(2);
        assertThat(f.out.responses()).containsExactly("Checking.", "New answer.");
        assertThat(lastToolMessage(model)).contains("Cancelled");
        var roles = model.requests.get(1).messages().stream().map(m -> m.role().wireName()).toList();
        assertThat(roles).containsExactly("user", "assistant", "tool", "user");
        f.session.receive(new Frame.ClientToolResult("c9", "late", false));
        f.loop.drain();
        assertThat(model.requests).hasSize(2);
        assertThat(f.out.all(Frame.Error.class)).singleElement().extracting(Frame.Error::errorType).isEqualTo("invalid_message");
    }

    @Test
    void clientToolWithoutResponseDoesNotWait() {
        var model = new ScriptedLanguageModel(Reply.textAndTools("Done.", new ToolCall("c2", "notify", "{}")));
        var f = with(model, null, null, NOTIFY);
        f.say("tell the page");
        assertThat(f.out.all(Frame.ClientToolCall.class)).hasSize(1);
        assertThat(model.requests).hasSize(1);
        assertThat(f.out.transcript.get(1).toolResults()).singleElement().satisfies(r -> assertThat(r.isError()).isFalse());
    }

    @Test
    void clientToolTimesOut() {
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("c3", "lookup", "{}")), Reply.text("Sorry."));
        var f = with(model, null, null, LOOKUP);
        f.say("look");
        f.loop.advance(Duration.ofSeconds(5));
        assertThat(lastToolMessage(model)).contains("did not respond within 5 seconds");
        assertThat(f.out.all(Frame.ToolResponse.class).get(0).isError()).isTrue();
        f.session.receive(new Frame.ClientToolResult("c3", "late", false));
        f.loop.drain();
        assertThat(f.out.all(Frame.Error.class)).singleElement().extracting(Frame.Error::errorType).isEqualTo("invalid_message");
    }

    @Test
    void webhookToolSuccessAndError() {
        ToolRunner runner = (tool, args, vars) -> args.contains("Paris")
                ? new ToolRunner.Result("sunny", false, Map.of("type", "webhook", "url", "http://x"), 0.1)
                : new ToolRunner.Result("HTTP 500", true, null, 0.1);
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("w1", "weather", "{\"city\":\"{{city}}\"}")), Reply.text("It is sunny."),
                Reply.tools(new ToolCall("w2", "weather", "{\"city\":\"Rome\"}")), Reply.text("Failed."));
        var f = with(model, runner, null, WEATHER);
        f.say("weather?");
        f.loop.drainUntil(() -> model.requests.size() == 2);
        assertThat(lastToolMessage(model)).isEqualTo("sunny");
        assertThat(f.out.transcript.get(1).toolCalls().get(0).toolDetails()).containsEntry("url", "http://x");
        f.say("and Rome?");
        f.loop.drainUntil(() -> model.requests.size() == 4);
        assertThat(lastToolMessage(model)).isEqualTo("HTTP 500");
        assertThat(f.out.all(Frame.ToolResponse.class)).extracting(Frame.ToolResponse::isError).containsExactly(false, true);
        assertThat(f.out.all(Frame.ToolResponse.class)).extracting(Frame.ToolResponse::toolType).containsOnly("webhook");
    }

    @Test
    void webhookToolTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ToolRunner slow = (tool, args, vars) -> {
            try { release.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            return new ToolRunner.Result("late", false, null, 9);
        };
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("w1", "weather", "{}")), Reply.text("It timed out."));
        var f = with(model, slow, null, WEATHER);
        f.say("weather?");
        f.loop.advance(Duration.ofSeconds(3));
        release.countDown();
        assertThat(lastToolMessage(model)).contains("did not respond within 3 seconds");
        assertThat(f.out.responses()).containsExactly("It timed out.");
    }

    @Test
    void endCallSaysTheLastWordsThenEnds() {
        var endCall = AgentTool.system(new ToolSpec("end_call", "", null), "end_call", null);
        var model = new ScriptedLanguageModel(Reply.textAndTools("Goodbye!", new ToolCall("e1", "end_call", "{\"reason\":\"done\"}")));
        var f = with(model, null, null, endCall);
        f.say("bye");
        assertThat(f.out.responses()).containsExactly("Goodbye!");
        var last = f.out.frames.get(f.out.frames.size() - 1);
        assertThat(last).isInstanceOfSatisfying(Frame.ToolResponse.class, r -> {
            assertThat(r.toolName()).isEqualTo("end_call");
            assertThat(r.toolType()).isEqualTo("system");
        });
        assertThat(f.out.end.closeCode()).isEqualTo(1000);
        assertThat(f.out.end.terminationReason()).isEqualTo("end_call tool was called.");
        assertThat(f.out.end.isError()).isFalse();
    }

    @Test
    void skipTurnKeepsTheAgentSilentAndTelephonyToolsNeedAPhone() {
        var skip = AgentTool.system(new ToolSpec("skip_turn", "", null), "skip_turn", null);
        var dtmf = AgentTool.system(new ToolSpec("play_keypad_touch_tone", "", null), "play_keypad_touch_tone", null);
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("s1", "skip_turn", "{}")),
                Reply.tools(new ToolCall("d1", "play_keypad_touch_tone", "{\"dtmf_tones\":\"1\"}")), Reply.text("I cannot dial here."));
        var f = with(model, null, null, skip, dtmf);
        f.say("wait a moment");
        assertThat(model.requests).hasSize(1);
        assertThat(f.out.responses()).isEmpty();
        f.say("press 1");
        assertThat(lastToolMessage(model)).contains("only available in phone calls");
        assertThat(f.out.responses()).containsExactly("I cannot dial here.");
    }

    @Test
    void languageDetectionSwitchesToAnAllowedLanguage() {
        var detect = AgentTool.system(new ToolSpec("language_detection", "", null), "language_detection", null);
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("l1", "language_detection", "{\"language\":\"fr\"}")),
                Reply.text("Bonjour"), Reply.tools(new ToolCall("l2", "language_detection", "{\"language\":\"de\"}")), Reply.text("Non"));
        var f = with(model, null, null, detect);
        f.say("parlez-vous français?");
        assertThat(model.requests.get(1).systemPrompt()).contains("'fr'");
        f.say("sprechen Sie Deutsch?");
        assertThat(lastToolMessage(model)).contains("not available");
    }

    @Test
    void transferToAgentSwitchesTheAgent() {
        var other = new ScriptedLanguageModel();
        var target = new AgentProfile("agent_2", "Billing", "You do billing.", "Billing here.", "en", null, List.of(), null, null, other);
        var transfer = AgentTool.system(new ToolSpec("transfer_to_agent", "", null), "transfer_to_agent",
                Map.of("transfers", List.of(Map.of("agent_id", "agent_2", "transfer_message", "Transferring you.",
                        "enable_transferred_agent_first_message", true))));
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("t1", "transfer_to_agent", "{\"agent_number\":0}")));
        other.then(Reply.text("Your bill is 5 euros."));
        var f = with(model, null, id -> id.equals("agent_2") ? Optional.of(target) : Optional.empty(), transfer);
        f.say("billing please");
        f.loop.drainUntil(() -> f.out.responses().size() == 2);
        assertThat(f.out.responses()).containsExactly("Transferring you.", "Billing here.");
        f.say("what is my bill?");
        assertThat(other.requests.get(0).systemPrompt()).isEqualTo("You do billing.");
        assertThat(f.out.responses()).endsWith("Your bill is 5 euros.");
        var messages = other.requests.get(0).messages();
        int toolIndex = messages.indexOf(messages.stream().filter(m -> m.role() == ChatMessage.Role.TOOL).findFirst().orElseThrow());
        assertThat(messages.get(toolIndex - 1).toolCalls()).isNotEmpty();
    }

    @Test
    void unknownToolIsAnErrorAndToolRoundsAreBounded() {
        var model = new ScriptedLanguageModel();
        for (int i = 0; i < 10; i++) model.then(Reply.tools(new ToolCall("x" + i, "nope", "{}")));
        var f = with(model, null, null, LOOKUP);
        f.say("loop forever");
        assertThat(model.requests).hasSize(SessionConfig.DEFAULT_TOOL_ROUNDS + 1);
        assertThat(lastToolMessage(model)).contains("does not exist");
        assertThat(f.out.transcript.get(1).toolCalls().get(0).toolHasBeenCalled()).isFalse();
        assertThat(f.out.end).isNull();
    }
}
