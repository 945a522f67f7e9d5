package dev.timbre.translation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Apertium, the rule-based translator of Debian's {@code apertium} package with its language-pair packages
 * ({@code apertium-eng-spa}: {@code en-es}, {@code es-en}): offline, rough quality. One {@code apertium -u <mode>}
 * process per call, segments one per line (a segment's own line breaks become spaces; Apertium keeps the lines);
 * killed past {@link #TIMEOUT_SECONDS} or {@link #MAX_OUTPUT_BYTES}. Thread-safe.
 */
public final class ApertiumTranslator implements Translator {
    static final long TIMEOUT_SECONDS = 120;
    static final int MAX_OUTPUT_BYTES = 8 << 20;

    private final Path executable;
    /** pair → Apertium mode name ({@code eng-spa}). */
    private final Map<LanguagePair, String> modes;

    ApertiumTranslator(Path executable, Map<LanguagePair, String> modes) {
        this.executable = executable;
        this.modes = Map.copyOf(modes);
    }

    /** Apertium as installed ({@code apertium -l} lists the modes), or null when it is not, or has no pairs. */
    public static ApertiumTranslator installed(Path executable) {
        try {
            String listed = run(executable, List.of("-l"), "", 10);
            Map<LanguagePair, String> modes = modes(listed.lines().toList());
            return modes.isEmpty() ? null : new ApertiumTranslator(executable, modes);
        } catch (Failed e) {
            return null;
        }
    }

    /**
     * The plain pairs among Apertium's mode names: {@code eng-spa} → en-es, {@code en-gl} → en-gl; a variant
     * ({@code spa-eng_US}) only where the plain one is missing; debug and chained modes ({@code eng-spa-tagger}) left out.
     */
    static Map<LanguagePair, String> modes(List<String> names) {
        Map<LanguagePair, String> out = new TreeMap<>();
        for (String raw : names) {
            String name = raw.strip();
            String[] parts = name.split("-");
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) continue;
            boolean variant = parts[1].contains("_");
            LanguagePair pair = new LanguagePair(parts[0], parts[1].split("_")[0]);
            if (!variant || !out.containsKey(pair)) out.put(pair, name);
        }
        return out;
    }

    @Override
    public String name() { return "apertium"; }

    @Override
    public Set<LanguagePair> pairs() { return modes.keySet(); }

    @Override
    public List<String> translate(List<String> segments, LanguagePair pair) throws Failed {
        String mode = modes.get(pair);
        if (mode == null) throw new Failed("Apertium has no " + pair + " pair installed");
        if (segments.isEmpty()) return List.of();
        StringBuilder in = new StringBuilder();
        for (String s : segments) in.append(s.replaceAll("[\\r\\n]+", " ").strip()).append('\n');
        List<String> lines = run(executable, List.of("-u", mode), in.toString(), TIMEOUT_SECONDS).lines().toList();
        if (lines.size() < segments.size()) {
            throw new Failed("Apertium answered " + lines.size() + " lines for " + segments.size() + " segments");
        }
        List<String> out = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) out.add(segments.get(i).isBlank() ? "" : lines.get(i).strip());
        return out;
    }

    private static String run(Path executable, List<String> args, String input, long timeoutSeconds) throws Failed {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new Failed("Apertium could not be started: " + e.getMessage(), e);
        }
        java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    late.set(true);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }, "apertium-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            // written on its own thread: Apertium streams, so a large input would fill both pipes otherwise
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try (OutputStream o = p.getOutputStream()) {
                    o.write(input.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process died: its exit status says so
                }
            });
            byte[] out = readBounded(p.getInputStream());
            p.waitFor();
            writing.join();
            if (late.get()) throw new Failed("Apertium took longer than " + timeoutSeconds + " s");
            if (p.exitValue() != 0) throw new Failed("Apertium failed (exit status " + p.exitValue() + ")");
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failed("Apertium's output could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while Apertium translated", e);
        } finally {
            p.destroyForcibly();
            watchdog.interrupt();
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException, Failed {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (out.size() + n > MAX_OUTPUT_BYTES) throw new Failed("Apertium's answer is over " + (MAX_OUTPUT_BYTES >> 20) + " MB");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
