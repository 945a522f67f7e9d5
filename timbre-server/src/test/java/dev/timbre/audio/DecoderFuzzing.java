package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What every decoder fuzz test checks: an input decodes within the limits or is refused with an
 * {@link AudioFormatException}; nothing else escapes (no other exception, no error, no hang past the deadline), and
 * the output never passes the budget. The fuzz tests run their corpus ({@code src/test/resources/dev/timbre/audio/
 * <Class>Inputs/<method>/}) in every {@code mvn test}; with {@code JAZZER_FUZZ=1} (the {@code fuzz} profile,
 * {@code ./timbre test}) each fuzzes for its {@code maxDuration}.
 */
final class DecoderFuzzing {
    /** Small limits so that one input stays fast: 1 MiB decoded, 10 minutes, 5 s. */
    static final DecodeLimits LIMITS = DecodeLimits.defaults().withMaxDecodedBytes(1L << 20).withMaxSeconds(600).withTimeout(Duration.ofSeconds(5));
    static final UploadDecoder DECODER = new UploadDecoder(LIMITS, Optional.empty());
    static final String MAX_DURATION = "15s";

    private DecoderFuzzing() {}

    /** Our own parsers (WAV, Ogg): called directly, so only an AudioFormatException may come out. */
    static void direct(byte[] data, Container decoder) {
        try {
            DecodedChannels d = decoder.decode(data, DecodeLimit.start(LIMITS), DecodedChannels.Target.SOURCE_CHANNELS);
            bounded(d.finish());
        } catch (AudioFormatException expected) {
            // refused: the only allowed failure
        }
    }

    /** Library decoders (JLayer, jFLAC): through the upload decoder, which turns their unchecked exceptions into refusals. */
    static void upload(byte[] data, AudioContainer container) {
        try {
            bounded(DECODER.decodeIn(data, container, new DecodedChannels.Target(false, 16000)));
        } catch (AudioFormatException expected) {
            // refused: the only allowed failure
        }
    }

    private static void bounded(List<Wav.Decoded> out) {
        long bytes = out.stream().mapToLong(d -> d.pcm().length).sum();
        assertThat(bytes).isLessThanOrEqualTo(LIMITS.maxDecodedBytes());
    }

    interface Container {
        DecodedChannels decode(byte[] data, DecodeLimit limit, DecodedChannels.Target target);
    }
}
