package dev.timbre.convai.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import org.junit.jupiter.api.Test;

class RecordingPolicyTest {
    static JsonNode agent(String json) throws Exception {
        return Json.MAPPER.readTree(json.replace('\'', '"'));
    }

    static long capSamples(CallRecording r) {
        r.userAudio(new short[CallRecording.MAX_SECONDS * CallRecording.SAMPLE_RATE], 0);
        return r.finish().samples();
    }

    @Test
    void voiceCallsAreRecordedUpToTheirMaximumDuration() throws Exception {
        var r = RecordingPolicy.forConversation(agent("{'conversation_config': {'conversation': {'max_duration_seconds': 90}},"
                + " 'platform_settings': {'privacy': {'record_voice': true, 'zero_retention_mode': false}}}"), false);
        assertThat(r).isPresent();
        assertThat(capSamples(r.get())).isEqualTo(90L * 16000);
    }

    @Test
    void withoutSettingsTheDefaultIsToRecordAnHourAtMost() throws Exception {
        var r = RecordingPolicy.forConversation(agent("{}"), false);
        assertThat(r).isPresent();
        assertThat(capSamples(r.get())).isEqualTo(3600L * 16000);
    }

    @Test
    void privacySettingsAndTextOnlyForbidIt() throws Exception {
        assertThat(RecordingPolicy.forConversation(agent("{'platform_settings': {'privacy': {'record_voice': false}}}"), false)).isEmpty();
        assertThat(RecordingPolicy.forConversation(agent("{'platform_settings': {'privacy': {'zero_retention_mode': true}}}"), false)).isEmpty();
        assertThat(RecordingPolicy.forConversation(agent("{}"), true)).isEmpty();
    }
}
