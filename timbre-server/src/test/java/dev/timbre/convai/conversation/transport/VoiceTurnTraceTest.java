package dev.timbre.convai.conversation.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.voice.TurnLatency;
import dev.timbre.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VoiceTurnTraceTest {
    @Test
    void a_measured_turn_is_one_span_from_end_of_speech_to_first_audio_with_a_event_per_stage() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (Tracing t = Tracing.exportingTo(spans)) {
            VoiceTurnTrace.record("conv_1", new TurnLatency(7, 120L, 300L, 650L, 900L, 940L));
            check(spans);
        }
    }

    private static void check(InMemorySpanExporter spans) {
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        SpanData turn = spans.getFinishedSpanItems().get(0);
        assertThat(turn.getName()).isEqualTo("voice.turn");
        assertThat(TimeUnit.NANOSECONDS.toMillis(turn.getEndEpochNanos() - turn.getStartEpochNanos())).isEqualTo(940);
        assertThat(turn.getAttributes().get(AttributeKey.stringKey("timbre.conversation_id"))).isEqualTo("conv_1");
        assertThat(turn.getAttributes().get(AttributeKey.longKey("timbre.voice.llm_first_token_ms"))).isEqualTo(650L);
        assertThat(turn.getEvents()).extracting(EventData::getName)
                .containsExactly("vad_end", "transcript_final", "llm_first_token", "tts_first_audio", "first_audio_sent");
        assertThat(TimeUnit.NANOSECONDS.toMillis(turn.getEvents().get(3).getEpochNanos() - turn.getStartEpochNanos())).isEqualTo(900);
    }

    @Test
    void nothing_is_recorded_while_tracing_is_off() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        Tracing.start(java.util.Map.of()).close(); // nothing configured: nothing installed
        assertThat(Tracing.enabled()).isFalse();
        VoiceTurnTrace.record("conv_1", new TurnLatency(1, 10L, null, null, null, null));
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }
}
