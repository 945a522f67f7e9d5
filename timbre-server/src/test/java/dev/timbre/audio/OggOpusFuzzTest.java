package dev.timbre.audio;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the OggOpus decoder (see {@link DecoderFuzzing}); the corpus is in OggOpusFuzzTestInputs/oggOpus. */
class OggOpusFuzzTest {
    @FuzzTest(maxDuration = DecoderFuzzing.MAX_DURATION)
    void oggOpus(byte[] data) {
        DecoderFuzzing.direct(data, OggOpusFileDecoder::decode);
    }
}
