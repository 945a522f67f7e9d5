package dev.timbre.engine.sphinx;

import dev.timbre.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The wideband en-us model's settings for telephone speech (audio at 8 kHz or less, upsampled to 16 kHz before
 * decoding): a global MLLR mean transform ({@code narrowband.mllr}, estimated with sphinxtrain's {@code bw} and
 * {@code mllr_solve} on 300–3400 Hz µ-law speech of flite voices awb and kal, none of the benchmark's test voices)
 * and a cepstral-mean start value ({@code -cmninit}) measured on the same speech, so a live decoder's first utterance
 * starts from a narrowband estimate instead of a wideband one. Both go to pocketsphinx as files ({@code -mllr},
 * {@code -featparams}), written once into a temporary directory that is removed at exit. Both are rebuilt by
 * {@code bench/narrowband-mllr.sh}; figures in docs/benchmarks.md ("Phone audio").
 */
final class NarrowbandModel {
    /** Mean of c0..c12 over the adaptation speech (sphinx_fe with the model's feat.params, 16 kHz upsampled µ-law). */
    static final String CMN_INIT = "46.32,31.32,-38.59,37.67,-21.01,-23.79,12.93,-36.84,-4.99,-10.09,-16.05,5.76,-15.89";
    /** Input at this rate or below is telephone band and gets these settings. */
    static final int MAX_RATE = 8000;

    private final Path mllr;
    private final Path featParams;

    private NarrowbandModel(Path mllr, Path featParams) {
        this.mllr = mllr;
        this.featParams = featParams;
    }

    /** Writes the transform and a copy of the model's {@code feat.params} with the narrowband {@code -cmninit}. */
    static NarrowbandModel forModel(Path hmmDir) {
        try {
            Path dir = Files.createTempDirectory("timbre-sphinx-narrowband");
            Path mllr = dir.resolve("narrowband.mllr");
            try (InputStream in = NarrowbandModel.class.getResourceAsStream("narrowband.mllr")) {
                if (in == null) throw new EngineException("narrowband.mllr is missing from the engine-sphinx jar");
                Files.copy(in, mllr);
            }
            List<String> lines = Files.readAllLines(hmmDir.resolve("feat.params"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("-cmninit")).collect(Collectors.toList());
            lines.add("-cmninit " + CMN_INIT);
            Path featParams = dir.resolve("feat.params");
            Files.write(featParams, lines, StandardCharsets.UTF_8);
            for (Path p : List.of(dir, mllr, featParams)) p.toFile().deleteOnExit(); // deleted in reverse: files, then dir
            return new NarrowbandModel(mllr, featParams);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the narrowband pocketsphinx settings", e);
        }
    }

    /** Extra pocketsphinx arguments. */
    List<String> arguments() {
        return List.of("-mllr", mllr.toString(), "-featparams", featParams.toString());
    }
}
