package dev.timbre.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatResult;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.TokenUsage;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RuleLanguageModelTest {
    static final String PROMPT = """
            You are a helpful assistant for Acme.
            - When the user says "opening hours", reply "We are open nine to five."
            - If the user asks about refunds, call tool lookup_order
            When the user says hello, respond Hi there, how can I help?
            """;
    static final ToolSpec END_CALL = new ToolSpec("end_call", "Call this function to end the current conversation when the main task has been completed.",
            Map.of("type", "object", "properties", Map.of("reason", Map.of("type", "string"), "message", Map.of("type", "string")), "required", List.of("reason")));
    static final ToolSpec LOOKUP = new ToolSpec("lookup_order", "Looks up an order by number", Map.of());
    static final ToolSpec WEATHER = new ToolSpec("get_weather", "Current forecast for a city", Map.of());
    static final List<ToolSpec> TOOLS = List.of(END_CALL, LOOKUP, WEATHER);

    final RuleLanguageModel model = new RuleLanguageModel();

    ChatResult ask(String user) {
        return model.complete(ChatRequest.of(List.of(ChatMessage.system(PROMPT), ChatMessage.user(user)), TOOLS));
    }

    @Test
    void parsesRules() {
        assertThat(RuleLanguageModel.rules(PROMPT)).containsExactly(
                new RuleLanguageModel.ReplyRule("opening hours", "We are open nine to five."),
                new RuleLanguageModel.ToolRule("refunds", "lookup_order"),
                new RuleLanguageModel.ReplyRule("hello", "Hi there, how can I help?"));
    }

    @Test
    void greetsWithNothing() {
        ChatResult r = model.complete(ChatRequest.of(List.of(ChatMessage.system(PROMPT)), TOOLS));
        assertThat(r.text()).isEmpty();
        assertThat(r.toolCalls()).isEmpty();
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void replyRules() {
        assertThat(ask("What are your Opening Hours?").text()).isEqualTo("We are open nine to five.");
        assertThat(ask("Hello!").text()).isEqualTo("Hi there, how can I help?");
        assertThat(ask("othello").text()).startsWith("You said othello"); // whole words only
    }

    @Test
    void toolRule() {
        ChatResult r = ask("I want to talk about refunds please");
        assertThat(r.text()).isEmpty();
        assertThat(r.toolCalls()).extracting(ToolCall::name).containsExactly("lookup_order");
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void keywordTools() {
        assertThat(ask("what's the weather like in Paris").toolCalls()).extracting(ToolCall::name).containsExactly("get_weather");
        assertThat(ask("give me the forecast").toolCalls()).extracting(ToolCall::name).containsExactly("get_weather");
        assertThat(ask("where is my order").toolCalls()).extracting(ToolCall::name).containsExactly("lookup_order");
        assertThat(ask("this conversation is completed").toolCalls()).isEmpty(); // system tools only by rule
    }

    @Test
    void goodbyeEndsTheCall() {
        ChatResult r = ask("ok thanks, bye");
        assertThat(r.text()).isEqualTo("Goodbye!");
        assertThat(r.toolCalls()).hasSize(1);
        assertThat(r.toolCalls().get(0).name()).isEqualTo("end_call");
        assertThat(r.toolCalls().get(0).argumentsJson()).isEqualTo("{\"reason\":\"the user said goodbye\"}");
        ChatResult noTool = model.complete(ChatRequest.of(List.of(ChatMessage.user("Goodbye."))));
        assertThat(noTool.text()).isEqualTo("Goodbye!");
        assertThat(noTool.toolCalls()).isEmpty();
    }

    @Test
    void echoAndToolResult() {
        assertThat(ask("I like trains.").text()).isEqualTo("You said I like trains. How can I help?");
        ChatResult r = model.complete(ChatRequest.of(List.of(ChatMessage.user("weather?"),
                ChatMessage.assistant("", List.of(new ToolCall("c1", "get_weather", "{}"))), ChatMessage.tool("c1", "sunny, 20 degrees")), TOOLS));
        assertThat(r.text()).isEqualTo("Here is what I found: sunny, 20 degrees");
        assertThat(r.toolCalls()).isEmpty();
    }

    @Test
    void deterministicAndStreamsWordByWord() throws Exception {
        assertThat(ask("I like trains.")).isEqualTo(ask("I like trains."));
        List<String> deltas = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        model.open(ChatRequest.of(List.of(ChatMessage.user("I like trains"))), new ChatListener() {
            @Override public void text(String d) { deltas.add(d); }
            @Override public void end(FinishReason r, TokenUsage u) { done.countDown(); }
            @Override public void error(EngineException e) { done.countDown(); }
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(deltas).containsExactly("You ", "said ", "I ", "like ", "trains. ", "How ", "can ", "I ", "help?");
    }

    @Test
    void aToolRuleCanGiveTheCallsArguments() {
        ToolSpec transfer = new ToolSpec("transfer_to_number", "Transfer the call", Map.of("type", "object", "properties",
                Map.of("reason", Map.of("type", "string"), "transfer_number", Map.of("type", "string")), "required", List.of()));
        ToolSpec dtmf = new ToolSpec("play_keypad_touch_tone", "Play DTMF", Map.of("type", "object", "properties",
                Map.of("dtmf_tones", Map.of("type", "string")), "required", List.of()));
        String prompt = """
                - If the user asks for a human, call tool transfer_to_number with {"transfer_number": "+15551234567", "client_message": "Hold on, please."}
                - If the caller says press two, call play_keypad_touch_tone with {"dtmf_tones":"2"}.
                """;
        ChatResult human = model.complete(ChatRequest.of(List.of(ChatMessage.system(prompt), ChatMessage.user("Can I talk to a human?")),
                List.of(transfer, dtmf)));
        assertThat(human.toolCalls()).singleElement().satisfies(c -> assertThat(c.argumentsJson()).isEqualTo(
                "{\"reason\":\"the user asked about a human\",\"transfer_number\": \"+15551234567\", \"client_message\": \"Hold on, please.\"}"));
        ChatResult press = model.complete(ChatRequest.of(List.of(ChatMessage.system(prompt), ChatMessage.user("For billing, press two.")),
                List.of(transfer, dtmf)));
        assertThat(press.toolCalls()).singleElement().satisfies(c -> assertThat(c.argumentsJson()).isEqualTo("{\"dtmf_tones\":\"2\"}"));
    }
}
