package dev.timbre.convai.conversation;

import static dev.timbre.convai.conversation.ConversationHarness.INIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ConversationSocketApiTest {
    static ConversationHarness h;
    static String rulesAgent;

    @BeforeAll
    static void start() {
        h = new ConversationHarness();
        rulesAgent = h.agent("{'name':'Rules','conversation_config':{'agent':{'first_message':'Hello {{name}}! How can I help?','dynamic_variables':{'dynamic_variable_placeholders':{'name':'friend'}},"
                + "'prompt':{'prompt':'When the user says hello, reply Hi there, friend.\\nIf the user asks about order, call tool lookup_order',"
                + "'tools':[{'type':'client','name':'lookup_order','description':'Looks up an order','expects_response':true,"
                + "'response_timeout_secs':10,'parameters':{'type':'object','properties':{'reason':{'type':'string'}}}}],"
                + "'built_in_tools':{'end_call':{'type':'system','name':'end_call','description':'','params':{'system_tool_type':'end_call'}}}}},"
                + "'conversation':{'text_only':true},'tts':{'agent_output_audio_format':'pcm_22050'}}}");
    }

    @AfterAll
    static void stop() { h.close(); }

    static String type(JsonNode m) { return m.path("type").asText(); }

    @Test
    void metadataComesFirstWithTheConvaiSubprotocolThenTheFirstMessage() {
        try (var c = h.connect("agent_id=" + rulesAgent + "&source=js_sdk&version=1.25.0", "convai")) {
            assertThat(c.subprotocol()).isEqualTo("convai");
            c.sendJson("{'type':'conversation_initiation_client_data','conversation_config_override':{'agent':{},'tts':{},"
                    + "'conversation':{'text_only':true}},'dynamic_variables':{'name':'Ada'},'source_info':{'source':'js_sdk','version':'1.25.0'}}");
            JsonNode meta = c.message();
            assertThat(type(meta)).isEqualTo("conversation_initiation_metadata");
            JsonNode ev = meta.path("conversation_initiation_metadata_event");
            assertThat(ev.path("conversation_id").asText()).startsWith("conv_");
            assertThat(ev.path("agent_output_audio_format").asText()).isEqualTo("pcm_22050");
            assertThat(ev.path("user_input_audio_format").asText()).isEqualTo("pcm_16000");
            JsonNode first = c.message();
            assertThat(type(first)).isEqualTo("agent_response");
            assertThat(first.path("agent_response_event").path("agent_response").asText()).isEqualTo("Hello Ada! How can I help?");
            var start = h.log.starts.get(ev.path("conversation_id").asText());
            assertThat(start.agentId()).isEqualTo(rulesAgent);
            assertThat(start.source()).isEqualTo("js_sdk");
            assertThat(start.authorizationMethod()).isEqualTo("public");
            assertThat(start.textOnly()).isTrue();
            assertThat(start.initiationClientData().path("dynamic_variables").path("system__conversation_id").asText())
                    .isEqualTo(ev.path("conversation_id").asText());
        }
    }

    @Test
    void plainConnectionsWithoutSubprotocolWork() {
        try (var c = h.connect("agent_id=" + rulesAgent)) {
            assertThat(c.subprotocol()).isEmpty();
            c.sendJson("{'type':'conversation_initiation_client_data','custom_llm_extra_body':{},'conversation_config_override':{},'dynamic_variables':{'name':'Bo'}}");
            assertThat(type(c.message())).isEqualTo("conversation_initiation_metadata");
            assertThat(c.message().path("agent_response_event").path("agent_response").asText()).isEqualTo("Hello Bo! How can I help?");
        }
    }

    @Test
    void userMessageStreamsPartsThenAgentResponseAndIsLogged() {
        var s = h.start(rulesAgent, INIT.replace("'dynamic_variables':{}", "'dynamic_variables':{'name':'Cy'}"));
        var c = s.client();
        c.message();
        c.sendJson("{'type':'user_message','text':'hello'}");
        List<JsonNode> got = c.until("agent_response");
        List<String> parts = got.stream().filter(m -> type(m).equals("agent_chat_response_part"))
                .map(m -> m.path("text_response_part").path("type").asText()).toList();
        assertThat(parts.get(0)).isEqualTo("start");
        assertThat(parts).contains("delta").endsWith("stop");
        JsonNode response = got.get(got.size() - 1).path("agent_response_event");
        assertThat(response.path("agent_response").asText()).isEqualTo("Hi there, friend.");
        int eventId = response.path("event_id").asInt();
        assertThat(got.get(0).path("text_response_part").path("event_id").asInt()).isEqualTo(eventId);
        c.sendJson("{'type':'feedback','score':'like','event_id':" + eventId + "}");
        c.close();
        var end = h.log.awaitEnd(s.conversationId());
        assertThat(end.terminationReason()).startsWith("Client disconnected");
        assertThat(end.transcript()).extracting(e -> e.role() + ":" + e.message())
                .containsExactly("agent:Hello Cy! How can I help?", "user:hello", "agent:Hi there, friend.");
        assertThat(end.transcript().get(2).feedback()).isEqualTo("like");
        assertThat(h.log.calls).containsSubsequence("started " + s.conversationId(), "updated " + s.conversationId(),
                "feedback " + s.conversationId() + " like " + eventId, "ended " + s.conversationId());
    }

    @Test
    void pingsCarryEventIdsAndPongsAreAccepted() throws Exception {
        var s = h.start(rulesAgent, INIT);
        var c = s.client();
        long deadline = System.currentTimeMillis() + 10_000;
        while (c.pings.size() < 3 && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertThat(c.pings).hasSizeGreaterThanOrEqualTo(3);
        assertThat(c.pings.get(0).path("ping_event").path("event_id").asInt()).isEqualTo(1);
        assertThat(c.pings.get(1).path("ping_event").path("event_id").asInt()).isEqualTo(2);
        assertThat(c.pings.get(2).path("ping_event").path("ping_ms").isInt()).as("latency measured from the pong").isTrue();
        c.close();
    }

    @Test
    void clientToolRoundTrip() {
        var s = h.start(rulesAgent, INIT);
        var c = s.client();
        c.message();
        c.sendJson("{'type':'user_message','text':'where is my order?'}");
        JsonNode call = c.until("client_tool_call").stream().filter(m -> type(m).equals("client_tool_call")).findFirst().orElseThrow()
                .path("client_tool_call");
        assertThat(call.path("tool_name").asText()).isEqualTo("lookup_order");
        assertThat(call.path("parameters").isObject()).isTrue();
        c.send(java.util.Map.of("type", "client_tool_result", "tool_call_id", call.path("tool_call_id").asText(),
                "result", "shipped yesterday", "is_error", false));
        List<JsonNode> after = c.until("agent_response");
        assertThat(after).anySatisfy(m -> {
            assertThat(type(m)).isEqualTo("agent_tool_response");
            assertThat(m.path("agent_tool_response").path("tool_type").asText()).isEqualTo("client");
            assertThat(m.path("agent_tool_response").path("is_error").asBoolean()).isFalse();
        });
        assertThat(after.get(after.size() - 1).path("agent_response_event").path("agent_response").asText())
                .isEqualTo("Here is what I found: shipped yesterday");
        c.close();
    }

    @Test
    void endCallClosesNormallyAfterTheLastWords() {
        var s = h.start(rulesAgent, INIT);
        var c = s.client();
        c.message();
        c.sendJson("{'type':'user_message','text':'thanks, goodbye'}");
        List<JsonNode> got = new ArrayList<>();
        var closed = c.closeAfter(got);
        assertThat(closed.code()).isEqualTo(1000);
        assertThat(got).anySatisfy(m -> assertThat(m.path("agent_response_event").path("agent_response").asText()).isEqualTo("Goodbye!"));
        JsonNode last = got.get(got.size() - 1);
        assertThat(type(last)).isEqualTo("agent_tool_response");
        assertThat(last.path("agent_tool_response").path("tool_name").asText()).isEqualTo("end_call");
        assertThat(h.log.awaitEnd(s.conversationId()).terminationReason()).isEqualTo("end_call tool was called.");
    }

    @Test
    void malformedFramesGetAnErrorAndTheSessionGoesOn() {
        var s = h.start(rulesAgent, INIT);
        var c = s.client();
        c.message();
        c.send("{not json");
        JsonNode error = c.message();
        assertThat(type(error)).isEqualTo("error");
        assertThat(error.path("error_event").path("error_type").asText()).isEqualTo("invalid_message");
        c.sendJson("{'type':'user_message','text':42}");
        assertThat(type(c.message())).isEqualTo("error");
        c.sendJson("{'user_audio_chunk':'AAAA'}");
        assertThat(c.message().path("error_event").path("message").asText()).contains("text only");
        c.sendJson("{'type':'user_message','text':'hello'}");
        var reply = c.until("agent_response");
        assertThat(reply.get(reply.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("Hi there, friend.");
        c.close();
    }

    /**
     * Audio that arrives once the session has ended (here: while its end is being recorded, before the socket
     * closes) gets an error event and is not passed on; the call then closes normally.
     */
    @Test
    void aUserAudioChunkAfterTheCallEndedGetsAnError() throws InterruptedException {
        String voiceAgent = h.agent("{'name':'Voice bye','conversation_config':{'agent':{'first_message':'',"
                + "'prompt':{'prompt':'Be brief.','built_in_tools':{'end_call':{'type':'system','name':'end_call','description':'',"
                + "'params':{'system_tool_type':'end_call'}}}}}}}");
        var reached = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        h.log.endReached = reached;
        h.log.releaseEnd = release;
        try {
            var s = h.start(voiceAgent, INIT);
            var c = s.client();
            c.sendJson("{'type':'user_message','text':'thanks, goodbye'}");
            assertThat(reached.await(20, java.util.concurrent.TimeUnit.SECONDS)).as("the session ended").isTrue();
            c.send(java.util.Map.of("user_audio_chunk", java.util.Base64.getEncoder().encodeToString(new byte[320])));
            List<JsonNode> got = c.until("error");
            assertThat(got.get(got.size() - 1).path("error_event").path("message").asText()).contains("The conversation has ended");
            release.countDown();
            assertThat(c.closeAfter(new ArrayList<>()).code()).isEqualTo(1000);
        } finally {
            h.log.endReached = null;
            h.log.releaseEnd = null;
            release.countDown();
        }
    }

    /** A conversation whose late start (no initiation in time) is slow does not hold up the pings of the others. */
    @Test
    void aSlowLateStartDoesNotStopOtherConversationsPings() throws InterruptedException {
        String slowAgent = h.agent("{'name':'Slow','conversation_config':{'agent':{'prompt':{'prompt':'STALL'}},'conversation':{'text_only':true}}}");
        var models = h.models;
        var stalled = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        h.models = prompt -> {
            if (prompt.path("prompt").asText().equals("STALL")) {
                stalled.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return models.forPrompt(prompt);
        };
        try (var slow = h.connect("agent_id=" + slowAgent, "convai")) {
            assertThat(stalled.await(20, java.util.concurrent.TimeUnit.SECONDS)).as("the late start began").isTrue();
            var s = h.start(rulesAgent, INIT);
            for (int i = 0; i < 200 && s.client().pings.isEmpty(); i++) Thread.sleep(100);
            assertThat(s.client().pings).as("a ping while the other conversation is still starting").isNotEmpty();
            assertThat(release.getCount()).isEqualTo(1);
            s.client().close();
        } finally {
            release.countDown();
            h.models = models;
        }
    }

    /** A start that throws (here: the agent's LLM cannot be built) is refused with 1011, on either path of begin. */
    @Test
    void aStartThatFailsGetsAnErrorAndClose1011WithOrWithoutInitiation() {
        var models = h.models;
        h.models = prompt -> { throw new IllegalStateException("no language model"); };
        try {
            for (boolean initiate : new boolean[] {true, false}) {
                try (var c = h.connect("agent_id=" + rulesAgent, "convai")) {
                    if (initiate) c.sendJson(INIT); // else the initiation wait runs out on the timer thread
                    JsonNode error = c.message();
                    assertThat(type(error)).as("initiate=" + initiate).isEqualTo("error");
                    assertThat(error.path("error_event").path("code").asInt()).isEqualTo(1011);
                    assertThat(error.path("error_event").path("error_type").asText()).isEqualTo("unknown");
                    assertThat(c.next()).isInstanceOfSatisfying(dev.timbre.testing.TestSocket.Closed.class,
                            closed -> assertThat(closed.code()).isEqualTo(1011));
                }
            }
        } finally {
            h.models = models;
        }
    }

    @Test
    void unknownAgentGetsAnErrorAndClose1008() {
        try (var c = h.connect("agent_id=no_such_agent", "convai")) {
            JsonNode error = c.message();
            assertThat(type(error)).isEqualTo("error");
            assertThat(error.path("error_event").path("code").asInt()).isEqualTo(1008);
            assertThat(c.next()).isEqualTo(new dev.timbre.testing.TestSocket.Closed(1008, ConversationRoutes.UNKNOWN_AGENT));
        }
    }

    @Test
    void missingInitiationStartsWithDefaults() {
        try (var c = h.connect("agent_id=" + rulesAgent, "convai")) {
            assertThat(type(c.message())).isEqualTo("conversation_initiation_metadata");
            assertThat(c.message().path("agent_response_event").path("agent_response").asText()).isEqualTo("Hello friend! How can I help?");
        }
    }
}
