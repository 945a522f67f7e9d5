package dev.timbre.engine.process;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Speaks a list of text pieces by running a program once per piece, in order, and sends its audio to the sink as it
 * comes. The text goes to the program in a temporary UTF-8 file (never through a shell); the program writes a 16-bit
 * WAV either to its standard output, which is streamed as it is read, or to a temporary file, read when it exits. A
 * watchdog kills the process when the stream is cancelled or a piece runs past the timeout. Confined to the stream's
 * thread; the temporary files are deleted at the end.
 */
final class ProcessSynthesis {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tts-process-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final File NO_INPUT = new File("/dev/null");

    /** Builds the command line for one piece; {@code wavFile} is null when the program writes to standard output. */
    @FunctionalInterface
    interface Command {
        List<String> build(Path textFile, Path wavFile);
    }

    private final String name;
    private final PcmFormat format;
    private final boolean wavOnStdout;
    private final Duration timeout;
    private final AudioSink sink;
    private final AtomicBoolean cancelled;

    /**
     * @param format the format the sink is started with; audio in another rate is resampled to it
     * @param wavOnStdout whether the program writes its WAV to standard output (else to the file it is given)
     */
    ProcessSynthesis(String name, PcmFormat format, boolean wavOnStdout, Duration timeout, AudioSink sink, AtomicBoolean cancelled) {
        this.name = name;
        this.format = format;
        this.wavOnStdout = wavOnStdout;
        this.timeout = timeout;
        this.sink = sink;
        this.cancelled = cancelled;
    }

    void render(List<String> pieces, Command command) throws IOException, InterruptedException {
        sink.start(format);
        Path dir = Files.createTempDirectory("timbre-" + name);
        try {
            for (int i = 0; i < pieces.size() && !cancelled.get(); i++) {
                renderOne(dir, i, pieces.get(i), command);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void renderOne(Path dir, int index, String text, Command command) throws IOException, InterruptedException {
        Path textFile = dir.resolve("text-" + index + ".txt");
        Path wavFile = wavOnStdout ? null : dir.resolve("speech-" + index + ".wav");
        Path errFile = dir.resolve("stderr-" + index + ".txt");
        Files.writeString(textFile, text, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(command.build(textFile, wavFile))
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectError(errFile.toFile());
        if (!wavOnStdout) pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new EngineException(name + " could not be started: " + e.getMessage(), e, false);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watch = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (cancelled.get()) {
                process.destroyForcibly();
            } else if (System.nanoTime() > deadline) {
                timedOut.set(true);
                process.destroyForcibly();
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
        try {
            IOException readFailure = null;
            if (wavOnStdout) {
                try (InputStream out = process.getInputStream()) {
                    stream(out);
                } catch (IOException e) {
                    readFailure = e;
                }
            }
            int exit = process.waitFor();
            if (cancelled.get()) return;
            if (timedOut.get()) {
                throw new EngineException(name + " took longer than " + timeout.toSeconds() + " s for one sentence", null, true);
            }
            if (exit != 0) {
                String err = Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8).strip() : "";
                throw new EngineException(name + " exited with status " + exit + (err.isEmpty() ? "" : ": " + err), null, false);
            }
            if (readFailure != null) throw new EngineException(name + " output unreadable: " + readFailure.getMessage(), readFailure, false);
            if (!wavOnStdout) {
                Wav.Decoded wav;
                try {
                    wav = Wav.read(Files.readAllBytes(wavFile));
                } catch (IllegalArgumentException | IOException e) {
                    throw new EngineException(name + " wrote no usable WAV: " + e.getMessage(), e, false);
                }
                byte[] pcm = wav.pcm();
                int chunk = format.bytesPerSecond() / 10;
                byte[] converted = convert(wav.format(), pcm, pcm.length);
                for (int off = 0; off < converted.length && !cancelled.get(); off += chunk) {
                    sink.audio(converted, off, Math.min(chunk, converted.length - off));
                }
            }
        } finally {
            watch.cancel(false);
            if (process.isAlive()) process.destroyForcibly();
        }
    }

    /** Reads a WAV header from {@code in}, then sends its samples in chunks of 100 ms as they arrive. */
    private void stream(InputStream in) throws IOException {
        PcmFormat source = readHeader(in);
        if (source == null) return;
        byte[] chunk = new byte[source.bytesPerSecond() / 10];
        int filled = 0, n;
        while (!cancelled.get() && (n = in.read(chunk, filled, chunk.length - filled)) != -1) {
            filled += n;
            if (filled == chunk.length) {
                emit(source, chunk, filled);
                filled = 0;
            }
        }
        if (filled > 1 && !cancelled.get()) emit(source, chunk, filled - filled % 2);
    }

    private void emit(PcmFormat source, byte[] pcm, int length) {
        if (source.sampleRate() == format.sampleRate()) sink.audio(pcm, 0, length);
        else {
            byte[] converted = convert(source, pcm, length);
            sink.audio(converted, 0, converted.length);
        }
    }

    private byte[] convert(PcmFormat source, byte[] pcm, int length) {
        byte[] exact = length == pcm.length ? pcm : java.util.Arrays.copyOf(pcm, length);
        return source.sampleRate() == format.sampleRate() ? exact : Pcm.resample(exact, source.sampleRate(), format.sampleRate());
    }

    /** The format of a streamed WAV, read up to the start of its samples; null when the stream is empty. */
    static PcmFormat readHeader(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        byte[] riff = in.readNBytes(12);
        if (riff.length == 0) return null;
        if (riff.length < 12) throw new IOException("truncated WAV header");
        header.write(riff);
        while (true) {
            byte[] chunkHeader = in.readNBytes(8);
            if (chunkHeader.length < 8) throw new IOException("WAV header without a data chunk");
            header.write(chunkHeader);
            int size = ByteBuffer.wrap(chunkHeader, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (new String(chunkHeader, 0, 4, StandardCharsets.US_ASCII).equals("data")) {
                try {
                    return Wav.read(header.toByteArray()).format();
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            if (size < 0 || size > 1 << 20) throw new IOException("implausible WAV chunk size " + size);
            header.write(in.readNBytes(size + (size & 1)));
        }
    }
}
