package dev.timbre.audio;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the Wav decoder (see {@link DecoderFuzzing}); the corpus is in WavFuzzTestInputs/wav. */
class WavFuzzTest {
    @FuzzTest(maxDuration = DecoderFuzzing.MAX_DURATION)
    void wav(byte[] data) {
        DecoderFuzzing.direct(data, WavFileDecoder::decode);
    }
}
