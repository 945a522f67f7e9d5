package dev.timbre.engine.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.WordTiming;
import org.junit.jupiter.api.Test;

class FakeSpeechToTextTest {
    /** Tones of the given lengths (seconds), each followed by 0.2 s of silence, at 16 kHz. */
    static byte[] tones(double... seconds) {
        int rate = 16000;
        int total = 0;
        for (double s : seconds) total += (int) (s * rate) + (int) (0.2 * rate);
        short[] out = new short[total + (int) (0.2 * rate)];
        int pos = (int) (0.2 * rate);
        for (double s : seconds) {
            int n = (int) (s * rate);
            for (int i = 0; i < n; i++) out[pos + i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            pos += n + (int) (0.2 * rate);
        }
        return Pcm.toBytes(out);
    }

    @Test
    void one_word_per_voiced_stretch_with_timings() {
        SpeechToText.Transcript t = new FakeSpeechToText().transcribe(tones(0.3, 0.3, 0.6), new PcmFormat(16000), null);
        assertThat(t.text()).isEqualTo("word1 word2 word3 word4");
        assertThat(t.language()).isEqualTo("en");
        WordTiming first = t.words().get(0);
        assertThat(first.start()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.02));
        assertThat(first.end()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
        assertThat(t.words().get(3).end()).isCloseTo(1.8, org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void silence_is_an_empty_transcript_and_language_is_echoed() {
        SpeechToText.Transcript t = new FakeSpeechToText().transcribe(new byte[32000], new PcmFormat(16000), "de");
        assertThat(t.text()).isEmpty();
        assertThat(t.words()).isEmpty();
        assertThat(t.language()).isEqualTo("de");
    }

    @Test
    void a_stream_fed_in_odd_pieces_grows_its_partial_and_finishes_like_transcribe() {
        byte[] audio = tones(0.3, 0.3, 0.6);
        SpeechToText engine = new FakeSpeechToText();
        try (RecognitionStream stream = engine.openStream(new PcmFormat(16000), null)) {
            int half = audio.length / 2 + 1; // odd split: a sample spans two pieces
            stream.accept(audio, 0, half);
            String partial = stream.partial().text();
            assertThat(partial).startsWith("word1").isNotEqualTo("word1 word2 word3 word4");
            for (int off = half; off < audio.length; off += 777) stream.accept(audio, off, Math.min(777, audio.length - off));
            SpeechToText.Transcript done = stream.finish();
            assertThat(done).isEqualTo(engine.transcribe(audio, new PcmFormat(16000), null));
        }
    }

    @Test
    void buffered_streams_transcribe_the_whole_buffer() {
        byte[] audio = tones(0.3, 0.3);
        SpeechToText plain = new SpeechToText() {
            final FakeSpeechToText fake = new FakeSpeechToText();
            @Override public dev.timbre.engine.EngineInfo info() { return fake.info(); }
            @Override public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) { return fake.transcribe(pcm, format, languageCode); }
        };
        try (RecognitionStream stream = plain.openStream(new PcmFormat(16000), "en")) {
            assertThat(stream).isInstanceOf(dev.timbre.engine.BufferedRecognitionStream.class);
            assertThat(stream.partial().text()).isEmpty();
            stream.accept(audio, 0, audio.length);
            assertThat(stream.partial().text()).isEqualTo("word1 word2");
            assertThat(stream.finish().text()).isEqualTo("word1 word2");
        }
    }
}
