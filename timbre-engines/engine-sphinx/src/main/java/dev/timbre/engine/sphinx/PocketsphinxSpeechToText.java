package dev.timbre.engine.sphinx;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.RecognizedWord;
import dev.timbre.engine.SpeechToText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CMU pocketsphinx 5prealpha in-process through JNA (Debian {@code libpocketsphinx3} + {@code pocketsphinx-en-us}).
 * US English, 16 kHz internally (other rates are resampled), word timings in 10 ms frames, per-word posterior log
 * probabilities, incremental decoding, and forced alignment with a grammar of the given words. Audio at 8 kHz or less
 * (a phone call's µ-law, an 8 kHz upload) is telephone band: it is decoded by decoders with the {@link NarrowbandModel}
 * settings (an MLLR transform of the model for 300–3400 Hz speech), wider audio by the model as it is.
 *
 * <p>Thread-safe: each request (a batch call, an alignment or an open stream) borrows one native decoder from a
 * bounded pool; decoders are created on first need (about 0.4 s and 40 MB each).
 */
public final class PocketsphinxSpeechToText implements SpeechToText {
    public static final String PROVIDER = "pocketsphinx";
    public static final Path DEFAULT_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

    private final Path modelDir;
    /** Decoders for batch work (two passes). */
    private final DecoderPool<PocketsphinxDecoder> pool;
    /** Decoders for {@link #openStream}: first pass only, so a stream's final result comes right after its audio. */
    private final DecoderPool<PocketsphinxDecoder> streamPool;
    /** The same two kinds for telephone-band audio ({@link NarrowbandModel}); their decoders are made on first need. */
    private final DecoderPool<PocketsphinxDecoder> narrowPool;
    private final DecoderPool<PocketsphinxDecoder> narrowStreamPool;

    public PocketsphinxSpeechToText() {
        // Realtime sessions hold a decoder for their whole length, so there are more decoders than CPUs.
        this(DEFAULT_MODEL, Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** @param maxDecoders how many requests decode at once; further ones wait up to 30 s */
    public PocketsphinxSpeechToText(Path modelDir, int maxDecoders) {
        if (!modelPresent(modelDir)) throw new EngineException("no pocketsphinx model in " + modelDir + " (apt-get install pocketsphinx-en-us)");
        if (!PocketsphinxLibrary.loads()) throw new EngineException("libpocketsphinx does not load (apt-get install libpocketsphinx3)");
        this.modelDir = modelDir;
        NarrowbandModel narrowband = NarrowbandModel.forModel(modelDir.resolve("en-us"));
        this.pool = pool(modelDir, maxDecoders, false, null);
        this.streamPool = pool(modelDir, maxDecoders, true, null);
        this.narrowPool = pool(modelDir, maxDecoders, false, narrowband);
        this.narrowStreamPool = pool(modelDir, maxDecoders, true, narrowband);
        PocketsphinxDecoder first = pool.acquire(); // load the model now, so failures show at start-up
        pool.release(first, false);
    }

    private static DecoderPool<PocketsphinxDecoder> pool(Path modelDir, int max, boolean firstPassOnly, NarrowbandModel narrowband) {
        return new DecoderPool<>(max, () -> new PocketsphinxDecoder(modelDir, firstPassOnly, narrowband), PocketsphinxDecoder::free,
                Duration.ofSeconds(30));
    }

    /** Whether audio at this rate is telephone band (8 kHz or less), decoded with the narrowband settings. */
    static boolean narrowband(PcmFormat format) {
        return format.sampleRate() <= NarrowbandModel.MAX_RATE;
    }

    /** Whether the native library and the default model are installed. */
    public static boolean available() {
        return modelPresent(DEFAULT_MODEL) && PocketsphinxLibrary.loads();
    }

    private static boolean modelPresent(Path dir) {
        return Files.isRegularFile(dir.resolve("en-us/mdef")) && Files.isRegularFile(dir.resolve("en-us.lm.bin"))
                && Files.isRegularFile(dir.resolve("cmudict-en-us.dict"));
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo(PROVIDER, "CMU pocketsphinx 5prealpha (US English, " + modelDir + ")",
                new EngineCapabilities(Set.of("en"), true, true, false));
    }

    @Override
    public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
        checkLanguage(languageCode);
        return transcript(decodeWhole(pcm, format, null));
    }

    /** One utterance decoded in one call: batch normalisation, so the result does not depend on the decoder's past. */
    private List<RecognizedWord> decodeWhole(byte[] pcm, PcmFormat format, String jsgf) {
        byte[] audio = Resampler.resampleAll(pcm, format.sampleRate(), PocketsphinxDecoder.SAMPLE_RATE);
        DecoderPool<PocketsphinxDecoder> pool = narrowband(format) ? narrowPool : this.pool;
        PocketsphinxDecoder decoder = pool.acquire();
        boolean broken = true;
        try {
            decoder.start(jsgf);
            decoder.process(Pcm.toSamples(audio, 0, audio.length - audio.length % 2), true);
            decoder.end();
            List<RecognizedWord> words = decoder.words();
            broken = false;
            return words;
        } finally {
            pool.release(decoder, broken);
        }
    }

    @Override
    public RecognitionStream openStream(PcmFormat format, String languageCode) {
        checkLanguage(languageCode);
        return new Stream(format);
    }

    @Override
    public Optional<Transcript> align(byte[] pcm, PcmFormat format, String text) {
        PocketsphinxDecoder probe = pool.acquire();
        AlignmentText words;
        try {
            words = new AlignmentText(text, probe::knows);
        } finally {
            pool.release(probe, false);
        }
        double seconds = format.seconds(pcm.length);
        List<RecognizedWord> decoded = List.of();
        if (words.anyKnown()) {
            decoded = decodeWhole(pcm, format, words.jsgf());
        }
        List<RecognizedWord> all = words.complete(decoded, seconds);
        return Optional.of(Transcript.of(text, "en", 1.0, all));
    }

    @Override
    public void close() {
        pool.close();
        streamPool.close();
        narrowPool.close();
        narrowStreamPool.close();
    }

    private static void checkLanguage(String languageCode) {
        if (languageCode == null || languageCode.isBlank()) return;
        String l = languageCode.toLowerCase(Locale.ROOT);
        if (!(l.equals("en") || l.equals("eng") || l.startsWith("en-") || l.startsWith("en_"))) {
            throw new EngineException("pocketsphinx recognises English only, not '" + languageCode + "'");
        }
    }

    private static Transcript transcript(List<RecognizedWord> words) {
        return Transcript.of(words.stream().map(RecognizedWord::word).collect(Collectors.joining(" ")), "en", 1.0, words);
    }

    /** One utterance on one borrowed decoder. */
    private final class Stream implements RecognitionStream {
        private final Resampler resampler;
        private final DecoderPool<PocketsphinxDecoder> streamPool;
        private PocketsphinxDecoder decoder;
        private Transcript result;
        private boolean broken;

        Stream(PcmFormat format) {
            this.resampler = new Resampler(format.sampleRate(), PocketsphinxDecoder.SAMPLE_RATE);
            this.streamPool = narrowband(format) ? narrowStreamPool : PocketsphinxSpeechToText.this.streamPool;
            decoder = streamPool.acquire();
            try {
                decoder.start(null);
            } catch (RuntimeException e) {
                broken = true;
                close();
                throw e;
            }
        }

        @Override
        public synchronized void accept(byte[] pcm, int off, int len) {
            if (decoder == null || result != null) throw new IllegalStateException("recognition stream already finished");
            feed(resampler.resample(pcm, off, len));
        }

        private void feed(byte[] pcm16k) {
            try {
                decoder.process(Pcm.toSamples(pcm16k, 0, pcm16k.length), false);
            } catch (RuntimeException e) {
                broken = true;
                throw e;
            }
        }

        @Override
        public synchronized Transcript partial() {
            if (result != null) return result;
            if (decoder == null) throw new IllegalStateException("recognition stream closed");
            return transcript(decoder.words());
        }

        @Override
        public synchronized Transcript finish() {
            if (result != null) return result;
            if (decoder == null) throw new IllegalStateException("recognition stream closed");
            feed(resampler.finish());
            try {
                decoder.end();
                result = transcript(decoder.words());
            } catch (RuntimeException e) {
                broken = true;
                throw e;
            }
            close();
            return result;
        }

        @Override
        public synchronized void close() {
            if (decoder == null) return;
            PocketsphinxDecoder d = decoder;
            decoder = null;
            try {
                if (!broken) d.end();
            } catch (RuntimeException e) {
                broken = true;
            }
            streamPool.release(d, broken);
        }
    }
}
