package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.conversations.ConversationEnd;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Clients that stop reading or leave do not hurt other conversations, and a client that stops reading is closed with
 * 1008 once its events pass the bound (64 KiB here) instead of growing the server's memory. Fake engines (tones).
 */
@Tag("integration")
class SlowConversationClientApiTest {
    static ConversationHarness h;
    static String echo;

    @BeforeAll
    static void start() {
        h = new ConversationHarness(c -> c, 64 * 1024);
        echo = h.agent("{'name':'Echo','conversation_config':{'agent':{'first_message':'Hi.',"
                + "'prompt':{'prompt':'When the user says ping, reply Pong.'}}}}");
    }

    /** An agent whose greeting is minutes of pcm_48000 audio (a new one per test, to tell its conversation apart). */
    static String talkative() {
        String longGreeting = "Hello and welcome to this very long greeting. ".repeat(40);
        return h.agent("{'name':'Talkative','conversation_config':{'agent':{'first_message':'" + longGreeting + "'},"
                + "'tts':{'agent_output_audio_format':'pcm_48000'}}}");
    }

    @AfterAll
    static void stop() { h.close(); }

    static final String INIT = "{'type':'conversation_initiation_client_data','conversation_config_override':{'agent':{},'tts':{}},'dynamic_variables':{}}";

    @Test
    void aClientThatStopsReadingIsClosedWith1008AndOthersGoOn() throws Exception {
        String talkative = talkative();
        CountDownLatch release = new CountDownLatch(1);
        var slow = h.connect("agent_id=" + talkative, "convai");
        slow.stalled = release;
        try {
            slow.sendJson(INIT);
            String slowId = awaitStartOf(talkative);
            conversationWorks();
            ConversationEnd end = awaitEnd(slowId); // once the kernel's socket buffers (a few MB) are full too
            assertThat(end.errorCode()).isEqualTo(1008);
            conversationWorks();
        } finally {
            release.countDown();
            slow.close();
        }
    }

    @Test
    void aClientThatLeavesMidSpeechDoesNotHurtOthers() {
        var gone = h.connect("agent_id=" + talkative(), "convai");
        gone.sendJson(INIT);
        gone.until("audio");
        gone.close();
        conversationWorks();
    }

    /** A voice conversation on the echo agent: greeting spoken, a typed turn answered and spoken. */
    static void conversationWorks() {
        var s = h.start(echo, INIT);
        var c = s.client();
        List<JsonNode> greeting = c.until("agent_response");
        c.sendJson("{'type':'user_message','text':'ping'}");
        List<JsonNode> got = c.until(m -> m.path("type").asText().equals("agent_response")
                && m.path("agent_response_event").path("agent_response").asText().equals("Pong."));
        int eventId = got.get(got.size() - 1).path("agent_response_event").path("event_id").asInt();
        List<JsonNode> audio = c.until(m -> m.path("type").asText().equals("audio") && m.path("audio_event").path("event_id").asInt() == eventId);
        assertThat(greeting).isNotEmpty();
        assertThat(audio).isNotEmpty();
        c.close();
    }

    /** Up to 90 s: the agent sends at most 30 s of audio ahead, then about 128 KB a second; buffers differ by host. */
    static ConversationEnd awaitEnd(String conversationId) throws InterruptedException {
        for (int i = 0; i < 900; i++) {
            ConversationEnd end = h.log.ends.get(conversationId);
            if (end != null) return end;
            Thread.sleep(100);
        }
        throw new AssertionError("the slow conversation was not closed");
    }

    static String awaitStartOf(String agentId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var start = h.log.starts.values().stream().filter(st -> st.agentId().equals(agentId) && !h.log.ends.containsKey(st.conversationId())).findFirst();
            if (start.isPresent()) return start.get().conversationId();
            Thread.sleep(50);
        }
        throw new AssertionError("the slow conversation did not start");
    }
}
