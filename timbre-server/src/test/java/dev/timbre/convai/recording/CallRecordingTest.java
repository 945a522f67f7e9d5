package dev.timbre.convai.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CallRecordingTest {
    static short[] constant(int samples, int value) {
        short[] pcm = new short[samples];
        Arrays.fill(pcm, (short) value);
        return pcm;
    }

    @Test
    void userChunksArePlacedAtArrivalButNeverOverlapTheirPredecessor() {
        CallRecording r = new CallRecording(60);
        r.userAudio(constant(1600, 100), 1000);   // 100 ms from 1 s: samples 16000..17599
        r.userAudio(constant(1600, 200), 1050);   // arrived early (a burst): goes right after, 17600..19199
        r.userAudio(constant(160, 300), 2000);    // after a gap: at its arrival, 32000..32159
        RecordedCall call = r.finish();
        assertThat(call.sample(15999)).isZero();
        assertThat(call.sample(16000)).isEqualTo((short) 100);
        assertThat(call.sample(17599)).isEqualTo((short) 100);
        assertThat(call.sample(17600)).isEqualTo((short) 200);
        assertThat(call.sample(19199)).isEqualTo((short) 200);
        assertThat(call.sample(19200)).isZero();
        assertThat(call.sample(32000)).isEqualTo((short) 300);
        assertThat(call.samples()).isEqualTo(32160);
        assertThat(call.durationMillis()).isEqualTo(2010);
        assertThat(call.hasUserAudio()).isTrue();
        assertThat(call.hasAgentAudio()).isFalse();
    }

    @Test
    void agentAudioIsPlacedAtItsPlaybackTimeAndOverlapsAreSummedWithClipping() {
        CallRecording r = new CallRecording(60);
        r.agentAudio(constant(16000, 30000), 500);  // 0.5 s .. 1.5 s
        r.userAudio(constant(16000, 10000), 1000);  // barge-in from 1 s .. 2 s
        r.agentAudio(constant(800, -5), 0);         // agent audio before the user's: placed by time, not order
        RecordedCall call = r.finish();
        assertThat(call.sample(0)).isEqualTo((short) -5);
        assertThat(call.sample(8000)).isEqualTo((short) 30000);
        assertThat(call.sample(16000)).as("30000 + 10000 clips").isEqualTo(Short.MAX_VALUE);
        assertThat(call.sample(24000)).isEqualTo((short) 10000);
        assertThat(call.samples()).isEqualTo(32000);
        assertThat(call.hasUserAudio()).isTrue();
        assertThat(call.hasAgentAudio()).isTrue();
    }

    @Test
    void negativeSumsClipToo() {
        CallRecording r = new CallRecording(10);
        r.agentAudio(constant(10, -30000), 0);
        r.userAudio(constant(10, -30000), 0);
        assertThat(r.finish().sample(5)).isEqualTo(Short.MIN_VALUE);
    }

    @Test
    void audioBeyondTheCapIsDropped() {
        CallRecording r = new CallRecording(2);
        r.userAudio(constant(48000, 1), 0);        // 3 s of audio into a 2 s recording
        r.agentAudio(constant(100, 7), 5000);       // entirely past the cap: not counted as agent audio
        RecordedCall call = r.finish();
        assertThat(call.samples()).isEqualTo(32000);
        assertThat(call.sample(31999)).isEqualTo((short) 1);
        assertThat(call.hasAgentAudio()).isFalse();
    }

    @Test
    void theCapIsAtMostAnHour() {
        CallRecording r = new CallRecording(100_000);
        r.agentAudio(constant(16, 1), 3_600_000);   // exactly at one hour: past the cap
        r.agentAudio(constant(16, 1), 3_599_999);
        assertThat(r.finish().samples()).isEqualTo(3600L * 16000);
    }

    @Test
    void silenceBeforeAndBetweenChunksIsZerosInThePcm() {
        CallRecording r = new CallRecording(10);
        r.agentAudio(new short[] {0x1234, -2}, 2000);
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        RecordedCall call = r.finish();
        call.pcm(pcm::writeBytes);
        byte[] bytes = pcm.toByteArray();
        assertThat(bytes).hasSize(2 * 32002);
        for (int i = 0; i < 64000; i++) assertThat(bytes[i]).isZero();
        assertThat(Arrays.copyOfRange(bytes, 64000, 64004)).containsExactly(0x34, 0x12, 0xfe, 0xff);
    }

    @Test
    void audioAfterFinishIsIgnored() {
        CallRecording r = new CallRecording(10);
        r.userAudio(constant(160, 1), 0);
        RecordedCall first = r.finish();
        r.userAudio(constant(160, 1), 100);
        r.agentAudio(constant(160, 1), 100);
        assertThat(first.samples()).isEqualTo(160);
        assertThat(r.finish().samples()).isEqualTo(160);
        assertThat(r.finish().hasAgentAudio()).isFalse();
    }

    @Test
    void anEmptyRecordingHasNoAudio() {
        RecordedCall call = new CallRecording(10).finish();
        assertThat(call.isEmpty()).isTrue();
        assertThat(call.hasUserAudio() || call.hasAgentAudio()).isFalse();
    }
}
