package dev.timbre.audio;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the Flac decoder (see {@link DecoderFuzzing}); the corpus is in FlacFuzzTestInputs/flac. */
class FlacFuzzTest {
    @FuzzTest(maxDuration = DecoderFuzzing.MAX_DURATION)
    void flac(byte[] data) {
        DecoderFuzzing.upload(data, AudioContainer.FLAC);
    }
}
