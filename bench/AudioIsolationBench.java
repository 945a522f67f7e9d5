import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audioisolation.suppression.NoiseSuppressor;
import dev.timbre.audio.FloatSamples;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.marytts.MaryTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.engine.sphinx.PocketsphinxSpeechToText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Audio isolation benchmark (issue 18). Run with bench/audio-isolation.sh. Speech (flite slt, flite rms, Timbre's
 * MaryTTS) mixed at 0, 5 and 10 dB SNR with white noise, babble (four other voices summed) and music (a synthesised
 * chord loop with a beat). For each: the waveform SNR against the clean speech before and after the embedded
 * suppressor, the SNR improvement by the phase-inversion method (Hagerman &amp; Olofsson 2004: speech+noise and
 * speech−noise are processed apart; their half sum is the processed speech, their half difference the processed
 * noise), and the real-time factor; then pocketsphinx's WER on the noisy and on the denoised audio at 0, 5, 10 and
 * 20 dB. The reference is the unprocessed input. Prints a Markdown report.
 */
public class AudioIsolationBench {
    record Clip(String text, float[] clean) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<String> sentences = Files.readAllLines(root.resolve("bench/stt-sentences.txt")).stream().filter(s -> !s.isBlank()).toList();
        FliteTextToSpeech flite = new FliteTextToSpeech();
        MaryTextToSpeech mary = new MaryTextToSpeech();
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < 2; i++) clips.add(speak(flite, "slt", sentences.get(i)));
        for (int i = 2; i < 4; i++) clips.add(speak(flite, "rms", sentences.get(i)));
        for (int i = 4; i < 6; i++) clips.add(speak(mary, "cmu-slt-hsmm", sentences.get(i)));
        List<Clip> recognised = new ArrayList<>(clips); // WER over 18 sentences: the 6 above and 12 more from flite
        for (int i = 6; i < 18; i++) recognised.add(speak(flite, i % 2 == 0 ? "slt" : "rms", sentences.get(i)));
        List<float[]> babbleVoices = List.of(speak(flite, "awb", sentences.get(20)).clean(), speak(flite, "kal16", sentences.get(21)).clean(),
                speak(mary, "cmu-slt-hsmm-deep", sentences.get(22)).clean(), speak(flite, "rms", sentences.get(23)).clean());
        PocketsphinxSpeechToText ps = new PocketsphinxSpeechToText();
        ps.transcribe(FloatSamples.toPcm(clips.get(0).clean()), new PcmFormat(16000), "en"); // warm-up

        System.out.println("## Audio isolation (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs)\n");
        System.out.println("6 sentences (flite slt, flite rms, MaryTTS), each with 0.5 s of noise before it, 16 kHz. SNR out: waveform SNR "
                + "against the clean speech (speech distortion counts as error), mean over the sentences (dB). SNRI: the SNR improvement by "
                + "phase inversion (Hagerman & Olofsson 2004), processed speech over processed noise. The unprocessed input is the reference.\n");
        System.out.println("| noise | SNR in | SNR out | waveform improvement | SNRI (phase inversion) |");
        System.out.println("|---|---|---|---|---|");
        double audio = 0, spent = 0;
        for (String kind : List.of("white", "babble", "music")) {
            for (double snr : new double[] {0, 5, 10}) {
                double in = 0, out = 0, snri = 0;
                for (int k = 0; k < clips.size(); k++) {
                    float[] clean = clips.get(k).clean();
                    float[] noisy = mix(clean, noise(kind, clean.length, babbleVoices, k), snr);
                    long t0 = System.nanoTime();
                    float[] denoised = suppress(noisy);
                    spent += (System.nanoTime() - t0) / 1e9;
                    audio += noisy.length / 16000.0;
                    double inSnr = snrOf(clean, noisy);
                    in += inSnr;
                    out += snrOf(clean, denoised);
                    float[] inverted = new float[clean.length]; // speech − noise
                    for (int i = 0; i < clean.length; i++) inverted[i] = 2 * clean[i] - noisy[i];
                    snri += phaseInversionSnr(denoised, suppress(inverted)) - inSnr;
                }
                System.out.printf(Locale.ROOT, "| %s | %.0f dB | %.1f dB | %+.1f dB | %+.1f dB |%n", kind, snr, out / clips.size(),
                        (out - in) / clips.size(), snri / clips.size());
            }
        }
        System.out.printf(Locale.ROOT, "%nSuppressor real-time factor (16 kHz, one thread): %.4f (%.0f× faster than real time).%n%n", spent / audio, audio / spent);

        int cleanErrors = 0, words = 0;
        for (Clip c : recognised) {
            cleanErrors += SttBench.errors(c.text(), ps.transcribe(FloatSamples.toPcm(c.clean()), new PcmFormat(16000), "en").text());
            words += SttBench.words(c.text()).size();
        }
        System.out.printf(Locale.ROOT, "Recognition (pocketsphinx, the embedded recogniser), %d words; clean speech: WER %.1f %%.%n%n", words, 100.0 * cleanErrors / words);
        System.out.println("| noise | SNR in | WER noisy | WER denoised |");
        System.out.println("|---|---|---|---|");
        for (String kind : List.of("white", "babble", "music")) {
            for (double snr : new double[] {0, 5, 10, 20}) {
                int noisyErrors = 0, denoisedErrors = 0;
                for (int k = 0; k < recognised.size(); k++) {
                    Clip c = recognised.get(k);
                    float[] noisy = mix(c.clean(), noise(kind, c.clean().length, babbleVoices, k), snr);
                    noisyErrors += SttBench.errors(c.text(), ps.transcribe(FloatSamples.toPcm(noisy), new PcmFormat(16000), "en").text());
                    denoisedErrors += SttBench.errors(c.text(), ps.transcribe(FloatSamples.toPcm(suppress(noisy)), new PcmFormat(16000), "en").text());
                }
                System.out.printf(Locale.ROOT, "| %s | %.0f dB | %.1f %% | %.1f %% |%n", kind, snr, 100.0 * noisyErrors / words, 100.0 * denoisedErrors / words);
            }
        }
        flite.close();
        System.exit(0);
    }

    static Clip speak(TextToSpeech tts, String voice, String text) throws Exception {
        TextToSpeech.Speech s = tts.synthesize(new SpeechRequest(text, voice, "en", null, null));
        byte[] pcm = Pcm.resample(s.pcm(), s.format().sampleRate(), 16000);
        float[] speech = FloatSamples.fromPcm(pcm, 0, pcm.length);
        float[] x = new float[speech.length + 8000];
        System.arraycopy(speech, 0, x, 8000, speech.length);
        return new Clip(text, x);
    }

    static float[] noise(String kind, int n, List<float[]> voices, int seed) {
        float[] out = new float[n];
        Random r = new Random(seed);
        switch (kind) {
            case "white" -> { for (int i = 0; i < n; i++) out[i] = (float) r.nextGaussian(); }
            case "babble" -> {
                for (int v = 0; v < voices.size(); v++) {
                    float[] voice = voices.get(v);
                    int offset = r.nextInt(voice.length);
                    for (int i = 0; i < n; i++) out[i] += voice[(i + offset + v * 3000) % voice.length];
                }
            }
            default -> { // a I–V–vi–IV chord loop at 100 bpm (harmonic tones) with a kick on each beat
                double[][] chords = {{261.6, 329.6, 392.0}, {196.0, 246.9, 293.7}, {220.0, 261.6, 329.6}, {174.6, 220.0, 261.6}};
                for (int i = 0; i < n; i++) {
                    double t = i / 16000.0, beat = t * 100 / 60;
                    double[] chord = chords[(int) (beat / 4) % 4];
                    double v = 0;
                    for (double f : chord) for (int h = 1; h <= 4; h++) v += Math.sin(2 * Math.PI * f * h * t) / (h * h);
                    double kt = (beat % 1) * 0.6;
                    v += 2 * Math.exp(-kt / 0.08) * Math.sin(2 * Math.PI * (50 + 80 * Math.exp(-kt / 0.03)) * kt);
                    out[i] = (float) v;
                }
            }
        }
        return out;
    }

    static float[] mix(float[] clean, float[] noise, double snrDb) {
        double ps = 0, pn = 0;
        for (int i = 8000; i < clean.length; i++) { ps += clean[i] * clean[i]; pn += noise[i] * noise[i]; }
        double g = Math.sqrt(ps / pn / Math.pow(10, snrDb / 10));
        float[] out = new float[clean.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) (clean[i] + g * noise[i]);
        return out;
    }

    static float[] suppress(float[] x) {
        NoiseSuppressor ns = new NoiseSuppressor(16000);
        float[] a = ns.process(x), b = ns.finish();
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Processed speech over processed noise (dB), from the outputs for speech+noise and speech−noise. */
    static double phaseInversionSnr(float[] plus, float[] minus) {
        double s = 0, n = 0;
        for (int i = 8000; i < plus.length; i++) {
            double speech = (plus[i] + minus[i]) / 2, noise = (plus[i] - minus[i]) / 2;
            s += speech * speech;
            n += noise * noise;
        }
        return 10 * Math.log10(s / n);
    }

    static double snrOf(float[] clean, float[] x) {
        double s = 0, e = 0;
        for (int i = 8000; i < clean.length; i++) { s += clean[i] * clean[i]; e += (x[i] - clean[i]) * (x[i] - clean[i]); }
        return 10 * Math.log10(s / e);
    }
}
