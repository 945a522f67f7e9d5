package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversation.transport.ConversationRuntime;
import dev.timbre.testing.TestSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A server without a speech-to-text engine refuses voice calls (error, 1011) and still runs text-only ones. */
@Tag("integration")
class VoiceWithoutSpeechToTextApiTest {
    static ConversationHarness h;
    static String agent;

    @BeforeAll
    static void start() {
        h = new ConversationHarness(c -> c.withEngines(new TimbreConfig.Engines("fake", List.of(), TimbreConfig.Engines.NO_SPEECH_TO_TEXT)),
                ConversationRuntime.DEFAULT_MAX_QUEUED_BYTES);
        agent = h.agent("{'name':'Voice','conversation_config':{'agent':{'first_message':'Hello.'}}}");
    }

    @AfterAll
    static void stop() { h.close(); }

    @Test
    void aVoiceCallIsRefusedWith1011() {
        var c = h.connect("agent_id=" + agent, "convai");
        c.sendJson(ConversationHarness.INIT);
        List<JsonNode> got = new ArrayList<>();
        TestSocket.Closed closed = c.closeAfter(got);
        assertThat(closed.code()).isEqualTo(1011);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).path("error_event").path("message").asText()).contains("Speech to text is not available");
    }

    @Test
    void aTextOnlyCallStillWorks() {
        var s = h.start(agent, "{'type':'conversation_initiation_client_data','conversation_config_override':{'conversation':{'text_only':true}}}");
        JsonNode first = s.client().message();
        assertThat(first.path("agent_response_event").path("agent_response").asText()).isEqualTo("Hello.");
        s.client().close();
    }
}
