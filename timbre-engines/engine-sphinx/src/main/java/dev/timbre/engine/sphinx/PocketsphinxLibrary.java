package dev.timbre.engine.sphinx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** The few pocketsphinx 5prealpha and sphinxbase calls Timbre makes (Debian {@code libpocketsphinx3}). */
final class PocketsphinxLibrary {
    interface Pocketsphinx extends Library {
        Pointer ps_args();
        Pointer ps_init(Pointer config);
        int ps_free(Pointer ps);
        int ps_start_stream(Pointer ps);
        int ps_start_utt(Pointer ps);
        int ps_process_raw(Pointer ps, short[] data, NativeLong nSamples, int noSearch, int fullUtt);
        int ps_end_utt(Pointer ps);
        String ps_get_hyp(Pointer ps, IntByReference score);
        Pointer ps_seg_iter(Pointer ps);
        Pointer ps_seg_next(Pointer seg);
        String ps_seg_word(Pointer seg);
        void ps_seg_frames(Pointer seg, IntByReference startFrame, IntByReference endFrame);
        int ps_seg_prob(Pointer seg, IntByReference acousticScore, IntByReference lmScore, IntByReference lmBackoff);
        void ps_seg_free(Pointer seg);
        String ps_lookup_word(Pointer ps, String word);
        String ps_get_search(Pointer ps);
        int ps_set_search(Pointer ps, String name);
        int ps_set_jsgf_string(Pointer ps, String name, String jsgf);
        Pointer ps_get_logmath(Pointer ps);
    }

    interface Sphinxbase extends Library {
        Pointer cmd_ln_parse_r(Pointer inout, Pointer definitions, int argc, String[] argv, int strict);
        int cmd_ln_free_r(Pointer config);
        double logmath_log_to_ln(Pointer logmath, int logValue);
        Pointer err_set_logfp(Pointer file);
    }

    private static Pocketsphinx ps;
    private static Sphinxbase sb;
    private static Throwable failure;

    private PocketsphinxLibrary() {}

    static synchronized Pocketsphinx pocketsphinx() {
        load();
        return ps;
    }

    static synchronized Sphinxbase sphinxbase() {
        load();
        return sb;
    }

    /** Whether the native libraries load; never throws. */
    static synchronized boolean loads() {
        try {
            load();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void load() {
        if (ps != null) return;
        if (failure != null) throw new IllegalStateException("pocketsphinx does not load: " + failure.getMessage(), failure);
        try {
            // sphinxbase first: libpocketsphinx links against it. The Debian packages ship only the versioned names.
            Sphinxbase base = loadOne("sphinxbase", Sphinxbase.class);
            Pocketsphinx pocket = loadOne("pocketsphinx", Pocketsphinx.class);
            base.err_set_logfp(null); // no log lines from the native side (-logfn /dev/null covers the decoder)
            sb = base;
            ps = pocket;
        } catch (RuntimeException | LinkageError e) {
            failure = e;
            throw new IllegalStateException("pocketsphinx does not load: " + e.getMessage(), e);
        }
    }

    private static <T extends Library> T loadOne(String name, Class<T> type) {
        try {
            return Native.load(name, type);
        } catch (UnsatisfiedLinkError e) {
            return Native.load("lib" + name + ".so.3", type);
        }
    }
}
