import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.WordTiming;
import dev.timbre.engine.marytts.MaryTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.engine.sphinx.PocketsphinxSpeechToText;
import dev.timbre.engine.sphinx.Sphinx4SpeechToText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Speech-to-text benchmark (issue 5). Run with bench/stt.sh. Speaks bench/stt-sentences.txt with three voices
 * (MaryTTS Sally, MaryTTS Morgan, flite slt), then measures: WER per voice (pocketsphinx), batch real-time factor of
 * pocketsphinx and sphinx4, throughput with 4 concurrent pocketsphinx transcriptions, and the streaming latency from
 * the end of each spoken word to the first partial transcript that contains it (audio fed in real time, 100 ms
 * chunks, a partial read after each). Prints a Markdown report.
 */
public class SttBench {
    record Clip(String text, byte[] pcm16k, List<WordTiming> words) {
        double seconds() { return pcm16k.length / 32000.0; }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<String> sentences = Files.readAllLines(root.resolve("bench/stt-sentences.txt")).stream().filter(s -> !s.isBlank()).toList();
        MaryTextToSpeech mary = new MaryTextToSpeech();
        List<List<Clip>> voices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        voices.add(speak(mary, "cmu-slt-hsmm", sentences)); names.add("MaryTTS Sally");
        voices.add(speak(mary, "cmu-slt-hsmm-deep", sentences)); names.add("MaryTTS Morgan");
        if (FliteTextToSpeech.available()) {
            voices.add(speak(new FliteTextToSpeech(), "slt", sentences)); names.add("flite slt");
        }
        PocketsphinxSpeechToText ps = new PocketsphinxSpeechToText();
        for (Clip c : voices.get(0).subList(0, 3)) ps.transcribe(c.pcm16k(), new PcmFormat(16000), "en"); // warm-up

        System.out.println("## Speech to text (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs)\n");
        System.out.println("| voice | sentences | words | WER pocketsphinx | RTF pocketsphinx |");
        System.out.println("|---|---|---|---|---|");
        int allErrors = 0, allWords = 0;
        for (int v = 0; v < voices.size(); v++) {
            int errors = 0, words = 0;
            double audio = 0, spent = 0;
            for (Clip c : voices.get(v)) {
                long t0 = System.nanoTime();
                String heard = ps.transcribe(c.pcm16k(), new PcmFormat(16000), "en").text();
                spent += (System.nanoTime() - t0) / 1e9;
                audio += c.seconds();
                errors += errors(c.text(), heard);
                words += words(c.text()).size();
            }
            allErrors += errors;
            allWords += words;
            System.out.printf("| %s | %d | %d | %.1f %% | %.3f |%n", names.get(v), voices.get(v).size(), words, 100.0 * errors / words, spent / audio);
        }
        System.out.printf("| all | | %d | %.1f %% | |%n%n", allWords, 100.0 * allErrors / allWords);

        List<Clip> clips = voices.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        double audio = 0;
        for (Clip c : clips) {
            audio += c.seconds();
            jobs.add(pool.submit(() -> ps.transcribe(c.pcm16k(), new PcmFormat(16000), "en")));
        }
        for (Future<?> f : jobs) f.get();
        double wall = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("pocketsphinx, 4 concurrent transcriptions: %.1f s of audio in %.1f s (%.1f× real time, aggregate RTF %.3f)%n%n",
                audio, wall, audio / wall, wall / audio);

        Sphinx4SpeechToText s4 = new Sphinx4SpeechToText();
        double s4audio = 0, s4spent = 0;
        int s4errors = 0, s4words = 0;
        s4.transcribe(clips.get(0).pcm16k(), new PcmFormat(16000), "en"); // warm-up
        for (Clip c : clips.subList(1, 4)) {
            long s = System.nanoTime();
            String heard = s4.transcribe(c.pcm16k(), new PcmFormat(16000), "en").text();
            s4spent += (System.nanoTime() - s) / 1e9;
            s4audio += c.seconds();
            s4errors += errors(c.text(), heard);
            s4words += words(c.text()).size();
        }
        System.out.printf("sphinx4 (pure Java), 3 sentences of MaryTTS Sally: RTF %.2f, WER %.1f %%%n%n", s4spent / s4audio, 100.0 * s4errors / s4words);

        List<Double> latencies = new ArrayList<>();
        for (Clip c : clips.subList(0, 6)) latencies.addAll(partialLatencies(ps, c));
        Collections.sort(latencies);
        System.out.printf("Engine streaming (pocketsphinx in process, audio fed in real time in 100 ms chunks, 6 sentences, %d words): "
                + "end of a word to its first partial: p50 %.0f ms, p95 %.0f ms%n%n", latencies.size(), pct(latencies, 50), pct(latencies, 95));

        List<Double> socket = socketLatencies(clips.subList(6, 12));
        Collections.sort(socket);
        System.out.printf("Realtime socket (/v1/speech-to-text/realtime on an in-process server, pocketsphinx, 100 ms chunks sent in real time, "
                + "6 sentences, %d words): end of a word to the partial_transcript that contains it: p50 %.0f ms, p95 %.0f ms%n",
                socket.size(), pct(socket, 50), pct(socket, 95));
        System.exit(0);
    }

    static List<Clip> speak(TextToSpeech tts, String voice, List<String> sentences) throws Exception {
        List<Clip> clips = new ArrayList<>();
        for (String s : sentences) {
            TextToSpeech.Speech speech = tts.synthesize(new SpeechRequest(s, voice, "en", null, null));
            clips.add(new Clip(s, Pcm.resample(speech.pcm(), speech.format().sampleRate(), 16000), speech.words()));
        }
        return clips;
    }

    /** Milliseconds from the end of each word (by the TTS timings) to the first partial that contains it. */
    static List<Double> partialLatencies(SpeechToText engine, Clip c) throws Exception {
        List<Double> out = new ArrayList<>();
        List<String> said = words(c.text());
        int chunk = 3200; // 100 ms at 16 kHz
        long start = System.nanoTime();
        int found = 0;
        double[] seenAt = new double[said.size()];
        try (RecognitionStream s = engine.openStream(new PcmFormat(16000), "en")) {
            for (int off = 0; off < c.pcm16k().length; off += chunk) {
                long due = start + (long) (off / 32000.0 * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                s.accept(c.pcm16k(), off, Math.min(chunk, c.pcm16k().length - off));
                List<String> heard = words(s.partial().text());
                double now = (System.nanoTime() - start) / 1e9;
                while (found < said.size() && heard.size() > found && heard.get(found).equals(said.get(found))) seenAt[found++] = now;
            }
            s.finish();
        }
        List<WordTiming> timings = c.words();
        for (int i = 0; i < found && i < timings.size(); i++) out.add(Math.max(0, seenAt[i] - timings.get(i).end()) * 1000);
        return out;
    }

    /** As {@link #partialLatencies}, through the realtime WebSocket of a started server. */
    static List<Double> socketLatencies(List<Clip> clips) throws Exception {
        var dir = Files.createTempDirectory("timbre-stt-bench");
        var config = dev.timbre.config.TimbreConfig.defaults().withPort(0).withDataDir(dir).withApiKey("bench")
                .withEngines(new dev.timbre.config.TimbreConfig.Engines("fake", List.of(), "pocketsphinx"));
        List<Double> out = new ArrayList<>();
        try (dev.timbre.Timbre timbre = dev.timbre.Timbre.start(config)) {
            timbre.engines().awaitReady(60_000);
            var http = java.net.http.HttpClient.newHttpClient();
            for (Clip c : clips) {
                List<String> said = words(c.text());
                double[] seenAt = new double[said.size()];
                int[] found = {0};
                long[] start = {0};
                var done = new java.util.concurrent.CountDownLatch(1);
                var listener = new java.net.http.WebSocket.Listener() {
                    final StringBuilder buf = new StringBuilder();
                    @Override public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                        buf.append(data);
                        if (last) {
                            String m = buf.toString();
                            buf.setLength(0);
                            if (m.contains("\"partial_transcript\"") || m.contains("\"committed_transcript")) {
                                String text = m.replaceAll("(?s).*\"text\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                                List<String> heard = words(text);
                                double now = (System.nanoTime() - start[0]) / 1e9;
                                synchronized (seenAt) {
                                    while (found[0] < said.size() && heard.size() > found[0] && heard.get(found[0]).equals(said.get(found[0]))) seenAt[found[0]++] = now;
                                }
                                if (m.contains("\"committed_transcript")) done.countDown();
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                };
                var ws = http.newWebSocketBuilder().header("xi-api-key", "bench")
                        .buildAsync(java.net.URI.create("ws://127.0.0.1:" + timbre.port() + "/v1/speech-to-text/realtime?model_id=scribe_v1&audio_format=pcm_16000"), listener).get();
                Thread.sleep(300);
                start[0] = System.nanoTime();
                int chunk = 3200;
                for (int off = 0; off < c.pcm16k().length; off += chunk) {
                    long wait = start[0] + (long) (off / 32000.0 * 1e9) - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    byte[] piece = java.util.Arrays.copyOfRange(c.pcm16k(), off, Math.min(off + chunk, c.pcm16k().length));
                    String b64 = java.util.Base64.getEncoder().encodeToString(piece);
                    ws.sendText("{\"message_type\":\"input_audio_chunk\",\"audio_base_64\":\"" + b64 + "\",\"commit\":false,\"sample_rate\":16000}", true).get();
                }
                ws.sendText("{\"message_type\":\"input_audio_chunk\",\"audio_base_64\":\"\",\"commit\":true,\"sample_rate\":16000}", true).get();
                done.await(20, java.util.concurrent.TimeUnit.SECONDS);
                ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
                synchronized (seenAt) {
                    for (int i = 0; i < found[0] && i < c.words().size(); i++) out.add(Math.max(0, seenAt[i] - c.words().get(i).end()) * 1000);
                }
            }
        }
        return out;
    }

    static List<String> words(String text) {
        List<String> w = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").split("\\s+")) if (!t.isBlank()) w.add(t);
        return w;
    }

    /** Word-level Levenshtein distance. */
    static int errors(String reference, String hypothesis) {
        List<String> r = words(reference), h = words(hypothesis);
        int[][] d = new int[r.size() + 1][h.size() + 1];
        for (int i = 0; i <= r.size(); i++) d[i][0] = i;
        for (int j = 0; j <= h.size(); j++) d[0][j] = j;
        for (int i = 1; i <= r.size(); i++) {
            for (int j = 1; j <= h.size(); j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (r.get(i - 1).equals(h.get(j - 1)) ? 0 : 1));
            }
        }
        return d[r.size()][h.size()];
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
