package dev.timbre.engine.sphinx;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.RecognizedWord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One native {@code ps_decoder_t}. Not thread-safe: the pool lends it to one request at a time. */
final class PocketsphinxDecoder {
    static final int SAMPLE_RATE = 16_000;
    private static final double FRAMES_PER_SECOND = 100.0; // -frate 100: 10 ms frames
    private static final String ALIGN_SEARCH = "timbre_align";

    private final PocketsphinxLibrary.Pocketsphinx ps = PocketsphinxLibrary.pocketsphinx();
    private final PocketsphinxLibrary.Sphinxbase sb = PocketsphinxLibrary.sphinxbase();
    private final Pointer config;
    private final Pointer decoder;
    private final String defaultSearch;
    private final Pointer logmath;
    private boolean inUtterance;

    /**
     * @param firstPassOnly true for streams that need their final result at once: no {@code fwdflat} second pass,
     *        which re-decodes the whole utterance at its end (measured: final result ~130 ms → ~14 ms after a 3 s
     *        utterance, at a small accuracy cost); false for batch decoding, which keeps it
     * @param narrowband settings for telephone-band audio, or null for the model as it is
     */
    PocketsphinxDecoder(Path modelDir, boolean firstPassOnly, NarrowbandModel narrowband) {
        List<String> args = new ArrayList<>(List.of(
            "-hmm", modelDir.resolve("en-us").toString(),
            "-lm", modelDir.resolve("en-us.lm.bin").toString(),
            "-dict", modelDir.resolve("cmudict-en-us.dict").toString(),
            "-logfn", "/dev/null",
            "-remove_noise", "no",
            "-fwdflat", firstPassOnly ? "no" : "yes"));
        if (narrowband != null) args.addAll(narrowband.arguments());
        String[] argv = args.toArray(String[]::new);
        config = sb.cmd_ln_parse_r(null, ps.ps_args(), argv.length, argv, 1);
        if (config == null) throw new EngineException("pocketsphinx rejected its configuration");
        decoder = ps.ps_init(config);
        if (decoder == null) {
            sb.cmd_ln_free_r(config);
            throw new EngineException("pocketsphinx could not load the model in " + modelDir);
        }
        defaultSearch = ps.ps_get_search(decoder);
        logmath = ps.ps_get_logmath(decoder);
    }

    /** Starts an utterance with the language model, or with a grammar when {@code jsgf} is given. */
    void start(String jsgf) {
        if (inUtterance) end();
        if (jsgf != null) {
            if (ps.ps_set_jsgf_string(decoder, ALIGN_SEARCH, jsgf) < 0) throw new EngineException("pocketsphinx rejected the alignment grammar");
            check(ps.ps_set_search(decoder, ALIGN_SEARCH), "ps_set_search");
        } else if (!defaultSearch.equals(ps.ps_get_search(decoder))) {
            check(ps.ps_set_search(decoder, defaultSearch), "ps_set_search");
        }
        // ps_start_stream resets the frame counter, so segment frames count from this utterance's first sample.
        check(ps.ps_start_stream(decoder), "ps_start_stream");
        check(ps.ps_start_utt(decoder), "ps_start_utt");
        inUtterance = true;
    }

    /**
     * Decodes more audio. {@code wholeUtterance}: these samples are the entire utterance, so cepstral mean
     * normalisation uses their own mean (deterministic, whatever the decoder decoded before); otherwise the live
     * estimate carried over from earlier utterances on this decoder is used and updated.
     */
    void process(short[] samples, boolean wholeUtterance) {
        if (samples.length == 0) return;
        if (ps.ps_process_raw(decoder, samples, new NativeLong(samples.length), 0, wholeUtterance ? 1 : 0) < 0) {
            throw new EngineException("pocketsphinx failed to decode");
        }
    }

    void end() {
        if (!inUtterance) return;
        inUtterance = false;
        check(ps.ps_end_utt(decoder), "ps_end_utt");
    }

    boolean inUtterance() { return inUtterance; }

    /** The words of the current hypothesis (partial during an utterance, final after {@link #end}), fillers dropped. */
    List<RecognizedWord> words() {
        List<RecognizedWord> words = new ArrayList<>();
        IntByReference sf = new IntByReference(), ef = new IntByReference();
        IntByReference ascr = new IntByReference(), lscr = new IntByReference(), lback = new IntByReference();
        for (Pointer seg = ps.ps_seg_iter(decoder); seg != null; seg = ps.ps_seg_next(seg)) {
            String word = baseWord(ps.ps_seg_word(seg));
            if (word == null) continue;
            ps.ps_seg_frames(seg, sf, ef);
            int prob = ps.ps_seg_prob(seg, ascr, lscr, lback);
            double logprob = Math.min(0, sb.logmath_log_to_ln(logmath, prob));
            words.add(new RecognizedWord(word, sf.getValue() / FRAMES_PER_SECOND, (ef.getValue() + 1) / FRAMES_PER_SECOND, logprob));
        }
        return words;
    }

    boolean knows(String word) { return ps.ps_lookup_word(decoder, word) != null; }

    void free() {
        ps.ps_free(decoder);
        sb.cmd_ln_free_r(config);
    }

    /** The dictionary word without its alternate-pronunciation suffix; null for silences, fillers and sentence marks. */
    static String baseWord(String word) {
        if (word == null || word.isEmpty()) return null;
        char c = word.charAt(0);
        if (c == '<' || c == '[' || c == '+') return null; // <s>, </s>, <sil>, [NOISE], ++BREATH++
        int paren = word.indexOf('(');
        return paren > 0 && word.endsWith(")") ? word.substring(0, paren) : word;
    }

    private static void check(int rc, String call) {
        if (rc < 0) throw new EngineException("pocketsphinx " + call + " failed (" + rc + ")");
    }
}
