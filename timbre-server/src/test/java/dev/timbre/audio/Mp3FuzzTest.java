package dev.timbre.audio;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the Mp3 decoder (see {@link DecoderFuzzing}); the corpus is in Mp3FuzzTestInputs/mp3. */
class Mp3FuzzTest {
    @FuzzTest(maxDuration = DecoderFuzzing.MAX_DURATION)
    void mp3(byte[] data) {
        DecoderFuzzing.upload(data, AudioContainer.MP3);
    }
}
