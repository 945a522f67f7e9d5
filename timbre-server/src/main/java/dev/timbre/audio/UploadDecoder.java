package dev.timbre.audio;

import dev.timbre.audio.AudioFormatException.Kind;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/**
 * Decodes an uploaded audio file (speech to text, forced alignment) to s16le mono PCM, recognising the container from
 * its bytes, never its name: WAV (PCM 8/16/24/32-bit, float 32/64-bit, µ-law, A-law, WAVE_FORMAT_EXTENSIBLE), MP3
 * (JLayer, ID3 tags skipped), Ogg Opus (Concentus, mapping family 0), FLAC (jFLAC). Anything else (mp4, m4a, webm, mkv,
 * Ogg Vorbis, AAC, ...) goes to {@code ffmpeg} when it is on the PATH, else is {@link Kind#UNSUPPORTED}. Every failure
 * is an {@link AudioFormatException}. Thread-safe: holds only its limits.
 */
public final class UploadDecoder {
    /** 1 GiB, the size ElevenLabs accepts for a speech-to-text upload. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** 4.5 hours. */
    public static final double DEFAULT_MAX_SECONDS = 4.5 * 3600;
    /** Longest an ffmpeg run may take. */
    public static final long FFMPEG_TIMEOUT_SECONDS = 300;

    /** The container recognised from the leading bytes. */
    public enum Container { WAV, MP3, OGG_OPUS, OGG_OTHER, FLAC, MP4, MATROSKA, OTHER }

    private final long maxBytes;
    private final double maxSeconds;
    private final Optional<Path> ffmpeg;

    /** Default limits; uses ffmpeg if it is on the PATH. */
    public UploadDecoder() { this(DEFAULT_MAX_BYTES, DEFAULT_MAX_SECONDS); }

    public UploadDecoder(long maxInputBytes, double maxSeconds) { this(maxInputBytes, maxSeconds, findOnPath("ffmpeg")); }

    /** {@code ffmpeg}: the executable to use for other containers, or empty to refuse them. */
    public UploadDecoder(long maxInputBytes, double maxSeconds, Optional<Path> ffmpeg) {
        if (maxInputBytes <= 0 || !(maxSeconds > 0)) throw new IllegalArgumentException("limits must be positive");
        this.maxBytes = maxInputBytes;
        this.maxSeconds = maxSeconds;
        this.ffmpeg = ffmpeg;
    }

    public Optional<Path> ffmpeg() { return ffmpeg; }

    /** Decodes and mixes all channels down to one, at the file's own sample rate. */
    public Wav.Decoded decode(byte[] data) {
        return decodeAll(data).mono();
    }

    /** Decodes to one mono PCM per channel (for {@code use_multi_channel}), at the file's own sample rate. */
    public List<Wav.Decoded> decodeChannels(byte[] data) {
        return decodeAll(data).channels();
    }

    /** ElevenLabs {@code file_format=pcm_s16le_16}: 16 kHz mono s16le with no header; a trailing odd byte is dropped. */
    public Wav.Decoded decodeRawPcm16k(byte[] data) {
        checkSize(data);
        int len = data.length & ~1;
        if (len == 0) throw new AudioFormatException(Kind.EMPTY, "audio file is empty");
        checkSeconds(len / 2, 16000);
        return new Wav.Decoded(new PcmFormat(16000), data.length == len ? data : Arrays.copyOf(data, len));
    }

    /** Decodes and resamples to 16 kHz mono, the rate speech recognisers expect. */
    public Wav.Decoded decode16k(byte[] data) { return to16k(decode(data)); }

    /** Resamples decoded audio to 16 kHz (unchanged when it already is). */
    public static Wav.Decoded to16k(Wav.Decoded d) { return resample(d, 16000); }

    public static Wav.Decoded resample(Wav.Decoded d, int rate) {
        if (d.format().sampleRate() == rate) return d;
        return new Wav.Decoded(new PcmFormat(rate), Pcm.resample(d.pcm(), d.format().sampleRate(), rate));
    }

    /** Recognises the container from the leading bytes (an ID3v2 tag is skipped). */
    public static Container detect(byte[] d) {
        if (d.length >= 12 && ascii(d, 0, "RIFF") && ascii(d, 8, "WAVE")) return Container.WAV;
        if (d.length >= 4 && ascii(d, 0, "fLaC")) return Container.FLAC;
        if (d.length >= 4 && ascii(d, 0, "OggS")) {
            return d.length >= 36 && ascii(d, 28, "OpusHead") ? Container.OGG_OPUS : Container.OGG_OTHER;
        }
        if (d.length >= 12 && ascii(d, 4, "ftyp")) return Container.MP4;
        if (d.length >= 4 && (d[0] & 0xff) == 0x1A && (d[1] & 0xff) == 0x45 && (d[2] & 0xff) == 0xDF && (d[3] & 0xff) == 0xA3) {
            return Container.MATROSKA;
        }
        int start = id3End(d);
        if (start > 0 && d.length >= start + 4 && ascii(d, start, "fLaC")) return Container.FLAC;
        if (start < d.length && mp3At(d, start, 4096)) return Container.MP3;
        return Container.OTHER;
    }

    // ---- the whole decode ----

    private Channels decodeAll(byte[] data) {
        if (data == null || data.length == 0) throw new AudioFormatException(Kind.EMPTY, "audio file is empty");
        checkSize(data);
        Container c = detect(data);
        try {
            return switch (c) {
                case WAV -> wav(data);
                case MP3 -> mp3(data);
                case OGG_OPUS -> oggOpus(data);
                case FLAC -> flac(data);
                case OGG_OTHER, MP4, MATROSKA, OTHER -> viaFfmpeg(data, c);
            };
        } catch (AudioFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // the codec libraries throw unchecked exceptions on damaged input
            throw new AudioFormatException(Kind.CORRUPT, "cannot decode " + name(c) + ": " + e, e);
        }
    }

    private void checkSize(byte[] data) {
        if (data.length > maxBytes) {
            throw new AudioFormatException(Kind.TOO_LARGE, "audio file is " + data.length + " bytes; the limit is " + maxBytes);
        }
    }

    private void checkSeconds(long frames, int rate) {
        if (frames > (long) Math.floor(maxSeconds * rate)) {
            throw new AudioFormatException(Kind.TOO_LONG, "audio is longer than the limit of " + maxSeconds + " seconds");
        }
    }

    private static String name(Container c) {
        return switch (c) {
            case WAV -> "WAV"; case MP3 -> "MP3"; case OGG_OPUS -> "Ogg Opus"; case FLAC -> "FLAC";
            case OGG_OTHER -> "Ogg"; case MP4 -> "MP4"; case MATROSKA -> "Matroska/WebM"; case OTHER -> "audio";
        };
    }

    // ---- WAV ----

    private Channels wav(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12, channels = 0, rate = 0, bits = 0, tag = -1, align = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xffffffffL;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || pos + 8 + 16 > wav.length) throw corrupt("WAV fmt chunk is truncated");
                tag = b.getShort(pos + 8) & 0xffff;
                channels = b.getShort(pos + 10) & 0xffff;
                rate = b.getInt(pos + 12);
                align = b.getShort(pos + 20) & 0xffff;
                bits = b.getShort(pos + 22) & 0xffff;
                if (tag == 0xFFFE) {
                    if (size < 40 || pos + 8 + 26 > wav.length) throw corrupt("WAVE_FORMAT_EXTENSIBLE fmt chunk is truncated");
                    tag = b.getShort(pos + 8 + 24) & 0xffff; // first two bytes of the SubFormat GUID
                }
            } else if (id == 0x61746164) { // "data"
                if (tag < 0) throw corrupt("WAV data chunk comes before the fmt chunk");
                long avail = wav.length - pos - 8;
                long len = size == 0 || size == 0xffffffffL ? avail : Math.min(size, avail); // streamed WAVs leave it 0/-1
                return wavData(wav, pos + 8, (int) len, tag, channels, rate, bits, align);
            }
            pos += 8 + size + (size & 1);
            if (pos > wav.length) break;
        }
        throw corrupt(tag < 0 ? "WAV has no fmt chunk" : "WAV has no data chunk");
    }

    private Channels wavData(byte[] wav, int off, int len, int tag, int channels, int rate, int bits, int align) {
        if (channels < 1 || channels > 32) throw corrupt("WAV has " + channels + " channels");
        if (rate < 1000 || rate > 192_000) throw new AudioFormatException(Kind.UNSUPPORTED, "WAV sample rate " + rate + " Hz is not supported");
        int bytes;
        switch (tag) {
            case 1 -> {
                if (bits != 8 && bits != 16 && bits != 24 && bits != 32) throw unsupported("WAV PCM with " + bits + " bits per sample");
                bytes = bits / 8;
            }
            case 3 -> {
                if (bits != 32 && bits != 64) throw unsupported("WAV float with " + bits + " bits per sample");
                bytes = bits / 8;
            }
            case 6, 7 -> bytes = 1;
            default -> throw unsupported("WAV format tag 0x" + Integer.toHexString(tag) + " (only PCM, float, µ-law and A-law)");
        }
        int frameBytes = Math.max(align, bytes * channels);
        if (align != 0 && align < bytes * channels) frameBytes = bytes * channels;
        int frames = len / frameBytes;
        if (frames == 0) throw corrupt("WAV data chunk holds no samples");
        checkSeconds(frames, rate);
        Channels out = new Channels(rate, channels, frames);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            int p = off + f * frameBytes;
            for (int c = 0; c < channels; c++, p += bytes) {
                int v = switch (tag) {
                    case 1 -> switch (bytes) {
                        case 1 -> ((wav[p] & 0xff) - 128) << 8;
                        case 2 -> b.getShort(p);
                        case 3 -> ((wav[p + 2] << 16) | ((wav[p + 1] & 0xff) << 8) | (wav[p] & 0xff)) >> 8;
                        default -> b.getInt(p) >> 16;
                    };
                    case 3 -> floatSample(bytes == 4 ? b.getFloat(p) : b.getDouble(p));
                    case 7 -> G711.ulawDecode(wav[p]);
                    default -> alawDecode(wav[p]);
                };
                out.data[c][f] = (short) v;
            }
        }
        out.frames = frames;
        return out;
    }

    private static int floatSample(double v) {
        if (Double.isNaN(v)) return 0;
        return (int) Math.max(-32768, Math.min(32767, Math.round(v * 32768)));
    }

    /** ITU-T G.711 A-law to linear 16-bit. */
    static short alawDecode(byte code) {
        int a = (code & 0xff) ^ 0x55;
        int t = (a & 0x0f) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) t += 8;
        else t = (t + 0x108) << (seg - 1);
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    // ---- MP3 ----

    private Channels mp3(byte[] data) {
        Bitstream bs = new Bitstream(new ByteArrayInputStream(data));
        Decoder dec = new Decoder();
        Channels out = null;
        int bad = 0;
        try {
            Header h;
            while ((h = bs.readFrame()) != null) {
                SampleBuffer sb;
                try {
                    sb = (SampleBuffer) dec.decodeFrame(h, bs);
                } catch (DecoderException | ArrayIndexOutOfBoundsException e) {
                    if (++bad > 8 && out == null) throw e;
                    bs.closeFrame();
                    continue;
                }
                int channels = sb.getChannelCount();
                if (out == null) out = new Channels(sb.getSampleFrequency(), channels, 0);
                if (channels != out.data.length || sb.getSampleFrequency() != out.rate) {
                    bs.closeFrame();
                    continue; // a stray frame that does not match the stream
                }
                int frames = sb.getBufferLength() / channels;
                checkSeconds((long) out.frames + frames, out.rate);
                out.append(sb.getBuffer(), frames);
                bs.closeFrame();
            }
        } catch (BitstreamException | DecoderException | ArrayIndexOutOfBoundsException e) {
            if (out == null || out.frames == 0) throw corrupt("not decodable MP3: " + e.getMessage(), e);
            // keep what decoded before the damage (a truncated upload)
        }
        if (out == null || out.frames == 0) throw corrupt("no MP3 frames found");
        return out;
    }

    // ---- Ogg Opus (RFC 3533, RFC 7845) ----

    private Channels oggOpus(byte[] data) {
        List<byte[]> packets = new ArrayList<>();
        long lastGranule = -1;
        int serial = 0;
        boolean first = true;
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        int pos = 0;
        while (pos + 27 <= data.length) {
            if (!ascii(data, pos, "OggS")) {
                int next = indexOf(data, "OggS", pos + 1);
                if (next < 0) break;
                pos = next; // resynchronise after damage
                continue;
            }
            int segments = data[pos + 26] & 0xff;
            if (pos + 27 + segments > data.length) break;
            int bodyLen = 0;
            for (int i = 0; i < segments; i++) bodyLen += data[pos + 27 + i] & 0xff;
            if (pos + 27 + segments + bodyLen > data.length) break; // truncated last page
            int pageSerial = b.getInt(pos + 14);
            long granule = b.getLong(pos + 6);
            boolean continued = (data[pos + 5] & 1) != 0;
            if (first) {
                serial = pageSerial;
                first = false;
            }
            if (pageSerial == serial) {
                if (!continued) partial.reset();
                boolean orphan = continued && partial.size() == 0 && !packets.isEmpty(); // its start was lost to damage
                int body = pos + 27 + segments;
                boolean completed = false;
                for (int i = 0; i < segments; i++) {
                    int lace = data[pos + 27 + i] & 0xff;
                    partial.write(data, body, lace);
                    body += lace;
                    if (lace < 255) {
                        if (!orphan) packets.add(partial.toByteArray());
                        orphan = false;
                        partial.reset();
                        completed = true;
                    }
                }
                if (completed && granule != -1) lastGranule = granule;
            }
            pos += 27 + segments + bodyLen;
        }
        if (packets.size() < 2) throw corrupt("Ogg Opus stream is truncated: no OpusHead/OpusTags");
        byte[] head = packets.get(0);
        if (head.length < 19 || !ascii(head, 0, "OpusHead")) throw corrupt("Ogg stream does not start with OpusHead");
        if ((head[8] & 0xf0) != 0) throw unsupported("Ogg Opus version " + (head[8] & 0xff));
        int channels = head[9] & 0xff;
        int preSkip = (head[10] & 0xff) | (head[11] & 0xff) << 8;
        int gainQ8 = (short) ((head[16] & 0xff) | (head[17] & 0xff) << 8);
        int family = head[18] & 0xff;
        if (family != 0 || channels < 1 || channels > 2) {
            throw unsupported("Ogg Opus channel mapping family " + family + " with " + channels + " channels");
        }
        double gain = Math.pow(10, gainQ8 / (20.0 * 256));
        OpusDecoder decoder;
        try {
            decoder = new OpusDecoder(48000, channels);
        } catch (OpusException e) {
            throw corrupt("cannot start Opus decoder: " + e.getMessage(), e);
        }
        Channels out = new Channels(48000, channels, 0);
        short[] buf = new short[5760 * channels];
        int skip = preSkip;
        for (byte[] packet : packets.subList(2, packets.size())) {
            if (packet.length == 0) continue;
            int n;
            try {
                n = decoder.decode(packet, 0, packet.length, buf, 0, 5760, false);
            } catch (OpusException e) {
                throw corrupt("damaged Opus packet: " + e.getMessage(), e);
            }
            int from = Math.min(skip, n);
            skip -= from;
            int frames = n - from;
            if (frames <= 0) continue;
            checkSeconds((long) out.frames + frames, 48000);
            if (gain != 1) {
                for (int i = from * channels; i < n * channels; i++) buf[i] = (short) Math.max(-32768, Math.min(32767, Math.round(buf[i] * gain)));
            }
            out.append(buf, from, frames);
        }
        if (lastGranule >= preSkip) {
            long end = lastGranule - preSkip; // RFC 7845 §4: the final granule sets the end of the stream
            if (end < out.frames) out.frames = (int) end;
        }
        if (out.frames == 0) throw corrupt("Ogg Opus stream holds no audio");
        return out;
    }

    // ---- FLAC (jFLAC) ----

    private Channels flac(byte[] data) {
        int start = id3End(data);
        FLACDecoder dec = new FLACDecoder(new ByteArrayInputStream(data, start, data.length - start));
        StreamInfo info;
        try {
            dec.readMetadata();
            info = dec.getStreamInfo();
        } catch (IOException e) {
            throw corrupt("FLAC metadata is damaged: " + e.getMessage(), e);
        }
        if (info == null) throw corrupt("FLAC has no STREAMINFO");
        int channels = info.getChannels(), bits = info.getBitsPerSample(), rate = info.getSampleRate();
        if (channels < 1 || channels > 8 || bits < 4 || bits > 32) throw corrupt("FLAC STREAMINFO is invalid");
        if (rate < 1000 || rate > 192_000) throw unsupported("FLAC sample rate " + rate + " Hz");
        if (info.getTotalSamples() > 0) checkSeconds(info.getTotalSamples(), rate);
        // STREAMINFO's count sizes the buffer, capped so that a lying header cannot make it huge
        Channels out = new Channels(rate, channels, (int) Math.min(info.getTotalSamples(), Math.min((long) (maxSeconds * rate) + 1, 1 << 22)));
        int shift = bits - 16;
        try {
            Frame frame;
            while ((frame = dec.readNextFrame()) != null) {
                int n = frame.header.blockSize;
                if (frame.header.channels != channels) continue;
                checkSeconds((long) out.frames + n, rate);
                ChannelData[] cd = dec.getChannelData();
                out.ensure(out.frames + n);
                for (int c = 0; c < channels; c++) {
                    int[] s = cd[c].getOutput();
                    short[] dst = out.data[c];
                    for (int i = 0; i < n; i++) {
                        int v = shift >= 0 ? s[i] >> shift : s[i] << -shift;
                        dst[out.frames + i] = (short) Math.max(-32768, Math.min(32767, v));
                    }
                }
                out.frames += n;
            }
        } catch (IOException e) {
            if (out.frames == 0) throw corrupt("FLAC frames are damaged: " + e.getMessage(), e);
        }
        if (out.frames == 0) throw corrupt("FLAC holds no decodable frames");
        if (info.getTotalSamples() > 0 && info.getTotalSamples() < out.frames) out.frames = (int) info.getTotalSamples();
        return out;
    }

    // ---- ffmpeg for everything else ----

    private Channels viaFfmpeg(byte[] data, Container c) {
        if (ffmpeg.isEmpty()) {
            String what = c == Container.OTHER ? "unrecognised audio format" : "unsupported format (" + name(c) + ")";
            throw unsupported(what + "; supported: WAV, MP3, FLAC, Ogg Opus; install ffmpeg to decode mp4/m4a/webm/mkv/aac/ogg vorbis");
        }
        int rate = 16000;
        long maxOut = (long) Math.ceil(maxSeconds * rate) * 2;
        Path in = null;
        Process p = null;
        try {
            // a temp file, not stdin: MP4s with the index (moov) at the end need a seekable input
            in = Files.createTempFile("timbre-upload", ".bin");
            Files.write(in, data);
            p = new ProcessBuilder(ffmpeg.get().toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                    "-i", in.toString(), "-vn", "-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar", String.valueOf(rate), "pipe:1")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Process proc = p;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> drain(proc.getErrorStream(), err, 8192), "ffmpeg-stderr");
            errReader.setDaemon(true);
            errReader.start();
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FFMPEG_TIMEOUT_SECONDS);
            Thread killer = new Thread(() -> {
                try {
                    if (!proc.waitFor(FFMPEG_TIMEOUT_SECONDS, TimeUnit.SECONDS)) proc.destroyForcibly();
                } catch (InterruptedException ignored) {
                    proc.destroyForcibly();
                }
            }, "ffmpeg-timeout");
            killer.setDaemon(true);
            killer.start();
            boolean tooLong = false;
            try (InputStream o = p.getInputStream()) {
                byte[] buf = new byte[65536];
                int n;
                while ((n = o.read(buf)) > 0) {
                    if (pcm.size() + (long) n > maxOut) {
                        tooLong = true;
                        break;
                    }
                    pcm.write(buf, 0, n);
                }
            }
            if (tooLong) {
                p.destroyForcibly();
                throw new AudioFormatException(Kind.TOO_LONG, "audio is longer than the limit of " + maxSeconds + " seconds");
            }
            long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
            if (!p.waitFor(left, TimeUnit.SECONDS) || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw corrupt("ffmpeg took longer than " + FFMPEG_TIMEOUT_SECONDS + " s to decode the " + name(c));
            }
            errReader.join(1000);
            if (p.exitValue() != 0 || pcm.size() < 2) {
                String msg = err.toString(StandardCharsets.UTF_8).strip();
                throw corrupt("ffmpeg could not decode the " + name(c) + (msg.isEmpty() ? "" : ": " + msg.lines().findFirst().orElse("")));
            }
            short[] s = Pcm.toSamples(pcm.toByteArray(), 0, pcm.size() & ~1);
            Channels out = new Channels(rate, 1, 0);
            out.append(s, s.length);
            return out;
        } catch (IOException e) {
            throw unsupported("cannot run ffmpeg: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw corrupt("interrupted while decoding with ffmpeg");
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
            if (in != null) {
                try {
                    Files.deleteIfExists(in);
                } catch (IOException ignored) {
                    // temp dir cleanup is best effort
                }
            }
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream keep, int cap) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (keep.size() < cap) keep.write(buf, 0, Math.min(n, cap - keep.size()));
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** The executable {@code name} in a PATH directory, if any. */
    public static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    // ---- byte helpers ----

    private static boolean ascii(byte[] d, int off, String s) {
        if (off < 0 || off + s.length() > d.length) return false;
        for (int i = 0; i < s.length(); i++) if (d[off + i] != (byte) s.charAt(i)) return false;
        return true;
    }

    private static int indexOf(byte[] d, String s, int from) {
        for (int i = Math.max(0, from); i + s.length() <= d.length; i++) if (ascii(d, i, s)) return i;
        return -1;
    }

    /** Offset just past leading ID3v2 tags (0 when there are none). */
    static int id3End(byte[] d) {
        int pos = 0;
        while (d.length >= pos + 10 && ascii(d, pos, "ID3")) {
            int size = (d[pos + 6] & 0x7f) << 21 | (d[pos + 7] & 0x7f) << 14 | (d[pos + 8] & 0x7f) << 7 | (d[pos + 9] & 0x7f);
            int footer = (d[pos + 5] & 0x10) != 0 ? 10 : 0;
            long next = (long) pos + 10 + size + footer;
            if (next > d.length) return d.length;
            pos = (int) next;
        }
        return pos;
    }

    private static final int[][] MP3_BITRATES = { // kbit/s by [version: 1 / 2 and 2.5][layer 1..3][index]
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    };

    /** Length in bytes of the MPEG audio frame whose header is at {@code p}, or -1 when there is no valid header. */
    private static int mp3FrameLength(byte[] d, int p) {
        if (p + 4 > d.length || (d[p] & 0xff) != 0xff || (d[p + 1] & 0xe0) != 0xe0) return -1;
        int version = (d[p + 1] >> 3) & 3, layer = (d[p + 1] >> 1) & 3;
        int br = (d[p + 2] >> 4) & 0xf, sr = (d[p + 2] >> 2) & 3, pad = (d[p + 2] >> 1) & 1;
        if (version == 1 || layer == 0 || br == 0 || br == 15 || sr == 3) return -1;
        int[] rates = {44100, 48000, 32000};
        int rate = rates[sr] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
        boolean v1 = version == 3;
        int row = v1 ? 3 - layer : (layer == 3 ? 3 : 4);
        int kbps = MP3_BITRATES[row][br];
        if (layer == 3) return (12 * kbps * 1000 / rate + pad) * 4;
        int perFrame = layer == 1 && !v1 ? 72 : 144; // layer III in MPEG-2/2.5 has 576 samples per frame
        return perFrame * kbps * 1000 / rate + pad;
    }

    /** Whether MPEG audio frames start within {@code scan} bytes of {@code start}: two in a row, or one filling the file. */
    private static boolean mp3At(byte[] d, int start, int scan) {
        for (int p = start; p < Math.min(d.length, start + scan); p++) {
            int len = mp3FrameLength(d, p);
            if (len <= 0) continue;
            if (p + len == d.length || mp3FrameLength(d, p + len) > 0) return true;
            if (p == start && p + len > d.length) return true; // one truncated frame: let the decoder say so
        }
        return false;
    }

    private static AudioFormatException corrupt(String msg) { return new AudioFormatException(Kind.CORRUPT, msg); }

    private static AudioFormatException corrupt(String msg, Throwable cause) { return new AudioFormatException(Kind.CORRUPT, msg, cause); }

    private static AudioFormatException unsupported(String msg) { return new AudioFormatException(Kind.UNSUPPORTED, msg); }

    /** Decoded samples, one growable array per channel. */
    private static final class Channels {
        final int rate;
        short[][] data;
        int frames;

        Channels(int rate, int channels, int capacity) {
            this.rate = rate;
            this.data = new short[channels][Math.max(capacity, 1024)];
        }

        void ensure(int n) {
            if (n <= data[0].length) return;
            int cap = Math.max(n, data[0].length * 2);
            for (int c = 0; c < data.length; c++) data[c] = Arrays.copyOf(data[c], cap);
        }

        void append(short[] interleaved, int n) { append(interleaved, 0, n); }

        /** Appends {@code n} interleaved frames starting at frame {@code from}. */
        void append(short[] interleaved, int from, int n) {
            ensure(frames + n);
            int ch = data.length;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < ch; c++) data[c][frames + i] = interleaved[(from + i) * ch + c];
            }
            frames += n;
        }

        Wav.Decoded mono() {
            short[] out = new short[frames];
            int ch = data.length;
            for (int i = 0; i < frames; i++) {
                int sum = 0;
                for (int c = 0; c < ch; c++) sum += data[c][i];
                out[i] = (short) (sum / ch);
            }
            return new Wav.Decoded(new PcmFormat(rate), Pcm.toBytes(out));
        }

        List<Wav.Decoded> channels() {
            List<Wav.Decoded> out = new ArrayList<>();
            for (short[] c : data) out.add(new Wav.Decoded(new PcmFormat(rate), Pcm.toBytes(Arrays.copyOf(c, frames))));
            return out;
        }
    }
}
