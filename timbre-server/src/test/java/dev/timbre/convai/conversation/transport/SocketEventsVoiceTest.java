package dev.timbre.convai.conversation.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.voice.TurnLatency;
import dev.timbre.convai.conversation.RecordingConversationLog;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.convai.recording.RecordedCall;
import dev.timbre.sockets.SocketSender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/** The voice hooks of {@link SocketEvents}: the call recording handed to the log before the end, latency metrics. */
class SocketEventsVoiceTest {
    final RecordingConversationLog log = new RecordingConversationLog();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final ConversationRuntime runtime = new ConversationRuntime(null, log, null, null, null, Clock.systemUTC(), null, null, null,
            new TurnOverhead(registry), null, ConversationRuntime.DEFAULT_MAX_QUEUED_BYTES);

    /** A socket whose client has gone: sends fail (and are ignored), the close does nothing. */
    static SocketSender goneSocket() {
        Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
        return new SocketSender(session);
    }

    SocketEvents events(String conversationId) {
        return new SocketEvents(runtime, goneSocket(), conversationId, NullNode.getInstance(), false, () -> {});
    }

    static SessionEnd end() {
        return new SessionEnd("Client disconnected: 1000", 1000, null, null, List.of());
    }

    @Test
    void both_sides_are_recorded_and_handed_to_the_log_before_the_end() {
        SocketEvents events = events("conv_v");
        events.record(new CallRecording(60));
        events.recordedUserAudio(new short[] {100, 100, 100}, 0);
        events.recordedAgentAudio(new short[] {7, 7}, 1);
        events.ended(end());

        assertThat(log.calls).containsSubsequence("audioRecorded conv_v", "ended conv_v");
        RecordedCall call = log.recordings.get("conv_v");
        assertThat(call.samples()).isEqualTo(18);
        assertThat(call.sample(0)).isEqualTo((short) 100);
        assertThat(call.sample(16)).isEqualTo((short) 7);
        assertThat(call.hasUserAudio()).isTrue();
        assertThat(call.hasAgentAudio()).isTrue();
    }

    @Test
    void a_conversation_that_may_not_be_recorded_hands_over_nothing() {
        SocketEvents events = events("conv_t");
        events.recordedUserAudio(new short[] {100}, 0);
        events.ended(end());
        assertThat(log.recordings).isEmpty();
        assertThat(log.calls).containsExactly("ended conv_t");
    }

    @Test
    void turn_latencies_are_exported_per_stage() {
        SocketEvents events = events("conv_m");
        events.turnMeasured(new TurnLatency(3, 210L, 380L, 900L, 1150L, 1180L));
        events.turnMeasured(new TurnLatency(0, 250L, 400L, null, null, null));   // the user went on talking
        String scrape = registry.scrape();
        assertThat(scrape).contains("timbre_agent_voice_latency_seconds_bucket{stage=\"vad_end\"",
                "timbre_agent_voice_latency_seconds_count{stage=\"vad_end\"} 2",
                "timbre_agent_voice_latency_seconds_count{stage=\"transcript_final\"} 2",
                "timbre_agent_voice_latency_seconds_count{stage=\"llm_first_token\"} 1",
                "timbre_agent_voice_latency_seconds_count{stage=\"tts_first_audio\"} 1",
                "timbre_agent_voice_latency_seconds_count{stage=\"first_audio_sent\"} 1",
                "timbre_agent_voice_latency_seconds_sum{stage=\"first_audio_sent\"} 1.18");
        assertThat(scrape).contains("timbre_agent_voice_latency_seconds_bucket{stage=\"first_audio_sent\",le=\"1.5\"} 1");
    }
}
