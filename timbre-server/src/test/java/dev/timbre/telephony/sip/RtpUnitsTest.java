package dev.timbre.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RTP packets, the jitter buffer, RFC 4733 events, SDP offer/answer, A-law ↔ μ-law. */
class RtpUnitsTest {

    private static byte[] frame(int fill) {
        byte[] f = new byte[160];
        java.util.Arrays.fill(f, (byte) fill);
        return f;
    }

    @Test
    void packetsRoundTripAndForeignBytesAreRejected() {
        RtpPacket p = new RtpPacket(8, true, 65535, 0xfffffff0L, 0x12345678, frame(7));
        byte[] wire = p.encode();
        assertThat(wire).hasSize(172);
        assertThat(wire[0]).isEqualTo((byte) 0x80);
        assertThat(wire[1]).isEqualTo((byte) 0x88); // marker + PT 8
        RtpPacket back = RtpPacket.parse(wire, wire.length);
        assertThat(back.payloadType()).isEqualTo(8);
        assertThat(back.marker()).isTrue();
        assertThat(back.sequence()).isEqualTo(65535);
        assertThat(back.timestamp()).isEqualTo(0xfffffff0L);
        assertThat(back.ssrc()).isEqualTo(0x12345678);
        assertThat(back.payload()).isEqualTo(frame(7));
        assertThat(RtpPacket.parse(new byte[] {1, 2, 3}, 3)).isNull();
        assertThat(RtpPacket.parse(new byte[20], 20)).as("version 0").isNull();
        assertThat(RtpPacket.seqDiff(0, 65535)).isEqualTo(1);
        assertThat(RtpPacket.seqDiff(65535, 0)).isEqualTo(-1);
    }

    @Test
    void paddingAndCsrcsAreSkipped() {
        byte[] wire = new RtpPacket(0, false, 1, 160, 1, new byte[] {9, 9}).encode();
        byte[] padded = new byte[wire.length + 4 + 2];
        System.arraycopy(wire, 0, padded, 0, 12);
        padded[0] = (byte) (0x80 | 0x20 | 0x01); // padding, one CSRC
        System.arraycopy(wire, 12, padded, 16, 2);
        padded[padded.length - 1] = 2; // two bytes of padding
        RtpPacket p = RtpPacket.parse(padded, padded.length);
        assertThat(p.payload()).containsExactly(9, 9);
    }

    @Test
    void jitterBufferReordersFillsGapsAndDropsLatePackets() {
        JitterBuffer j = new JitterBuffer(3);
        List<byte[]> out = new ArrayList<>();
        out.addAll(j.push(100, frame(1)));
        out.addAll(j.push(102, frame(3))); // 101 late
        out.addAll(j.push(101, frame(2)));
        out.addAll(j.push(103, frame(4)));
        out.addAll(j.push(105, frame(6))); // 104 lost
        out.addAll(j.push(106, frame(7)));
        out.addAll(j.push(107, frame(8)));
        out.addAll(j.push(100, frame(1))); // a duplicate, long played
        out.addAll(j.drain());
        assertThat(out).extracting(f -> (int) f[0]).containsExactly(1, 2, 3, 4, 0xff - 256, 6, 7, 8);
        assertThat(j.filled()).isEqualTo(1);
    }

    @Test
    void jitterBufferFollowsWrapAroundAndRestartedStreams() {
        JitterBuffer j = new JitterBuffer(2);
        List<byte[]> out = new ArrayList<>();
        out.addAll(j.push(65534, frame(1)));
        out.addAll(j.push(65535, frame(2)));
        out.addAll(j.push(0, frame(3)));
        out.addAll(j.push(1, frame(4)));
        out.addAll(j.push(30000, frame(5))); // a new stream: no 29998 frames of fill
        out.addAll(j.drain());
        assertThat(out).extracting(f -> (int) f[0]).containsExactly(1, 2, 3, 4, 5);
        assertThat(j.filled()).isZero();
    }

    @Test
    void telephoneEventsReportEachPressOnce() {
        TelephoneEvents e = new TelephoneEvents();
        assertThat(e.received(1000, TelephoneEvents.payload(TelephoneEvents.code('5'), false, 160))).isEqualTo('5');
        assertThat(e.received(1000, TelephoneEvents.payload(TelephoneEvents.code('5'), false, 320))).isEqualTo((char) 0);
        assertThat(e.received(1000, TelephoneEvents.payload(TelephoneEvents.code('5'), true, 800))).isEqualTo((char) 0);
        assertThat(e.received(2000, TelephoneEvents.payload(TelephoneEvents.code('#'), false, 160))).isEqualTo('#');
        assertThat(e.received(3000, new byte[] {(byte) 200, 0, 0, 0})).as("not a key").isEqualTo((char) 0);
        byte[] p = TelephoneEvents.payload(11, true, 800);
        assertThat(p).containsExactly(11, (byte) 0x8a, 3, 32);
        assertThat(TelephoneEvents.code('*')).isEqualTo(10);
        assertThat(TelephoneEvents.code('x')).isEqualTo(-1);
    }

    @Test
    void sdpPicksTheOfferersG711AndTelephoneEvents() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 18 8 0 96\r\na=rtpmap:18 G729/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:96 telephone-event/8000\r\n";
        Sdp.Media m = Sdp.negotiate(offer);
        assertThat(m).isEqualTo(new Sdp.Media("10.0.0.1", 4000, Sdp.PCMA, 96));
        String answer = Sdp.answer("192.0.2.5", 12000, m.codec(), m.events());
        assertThat(answer).contains("m=audio 12000 RTP/AVP 8 96\r\n", "a=rtpmap:96 telephone-event/8000", "c=IN IP4 192.0.2.5");
        assertThat(Sdp.negotiate(answer)).isEqualTo(new Sdp.Media("192.0.2.5", 12000, Sdp.PCMA, 96));
        assertThat(Sdp.negotiate(Sdp.offer("192.0.2.5", 12002))).isEqualTo(new Sdp.Media("192.0.2.5", 12002, Sdp.PCMU, 101));
        // static payload types without rtpmap lines, media-level connection
        Sdp.Media bare = Sdp.negotiate("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\nc=IN IP4 10.1.1.1\r\n");
        assertThat(bare).isEqualTo(new Sdp.Media("10.1.1.1", 5000, Sdp.PCMU, -1));
    }

    @Test
    void sdpWithoutG711Or488AndGarbageIs400() {
        assertThatThrownBy(() -> Sdp.negotiate("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n"))
                .isInstanceOfSatisfying(Sdp.Unusable.class, e -> assertThat(e.noCommonCodec()).isTrue());
        assertThatThrownBy(() -> Sdp.negotiate("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=video 4000 RTP/AVP 96\r\n"))
                .isInstanceOfSatisfying(Sdp.Unusable.class, e -> assertThat(e.noCommonCodec()).isTrue());
        assertThatThrownBy(() -> Sdp.negotiate("hello"))
                .isInstanceOfSatisfying(Sdp.Unusable.class, e -> assertThat(e.noCommonCodec()).isFalse());
        assertThatThrownBy(() -> Sdp.negotiate(null)).isInstanceOf(Sdp.Unusable.class);
    }

    @Test
    void alawAndUlawConvertWithinOneStep() {
        for (int i = 0; i < 256; i++) {
            byte u = (byte) i;
            byte back = Companding.alawToUlaw(Companding.ulawToAlaw(new byte[] {u}))[0];
            int a = dev.timbre.audio.G711.ulawDecode(u);
            int b = dev.timbre.audio.G711.ulawDecode(back);
            assertThat(Math.abs(a - b)).as("μ-law %d", i).isLessThanOrEqualTo(Math.max(16, Math.abs(a) / 8));
        }
    }
}
