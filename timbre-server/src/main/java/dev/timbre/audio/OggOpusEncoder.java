package dev.timbre.audio;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ogg Opus (RFC 7845) through Concentus (pure-Java libopus): mono, 48 kHz, 20 ms frames, constant-ish bitrate at the
 * format's kbit/s. The first {@link #encode} returns the OpusHead and OpusTags pages; after that a page leaves every
 * {@value #FRAMES_PER_PAGE} frames (100 ms), so a streaming client starts playing early. {@link #finish} pads the last
 * frame with silence and writes the end-of-stream page, whose granule position trims the padding: a decoder returns
 * exactly the input's duration after dropping the pre-skip (the encoder's lookahead).
 */
final class OggOpusEncoder extends AudioEncoder {
    static final int RATE = 48_000;
    static final int FRAME = RATE / 50;
    static final int FRAMES_PER_PAGE = 5;
    private static final int MAX_PACKET = 1500;

    private final OpusEncoder opus;
    private final OggStream ogg;
    private final int preSkip;
    private final short[] frame = new short[FRAME];
    private final byte[] packet = new byte[MAX_PACKET];
    private int framed;
    private long samplesIn;
    private long samplesEncoded;
    private boolean headersWritten;
    private boolean finishing;

    OggOpusEncoder(int inputRate, OutputFormat format) { this(inputRate, format, ThreadLocalRandom.current().nextInt()); }

    /** {@code serial} names the Ogg bitstream; fixed only by tests that compare outputs byte for byte. */
    OggOpusEncoder(int inputRate, OutputFormat format, int serial) {
        super(inputRate, format);
        if (format.sampleRate() != RATE) throw new IllegalArgumentException("Opus output is 48 kHz only: " + format.id());
        try {
            opus = new OpusEncoder(RATE, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
        } catch (OpusException e) {
            throw new IllegalStateException("cannot create Opus encoder", e);
        }
        opus.setBitrate(format.bitrateKbps() * 1000);
        opus.setComplexity(8);
        preSkip = opus.getLookahead();
        ogg = new OggStream(serial);
    }

    @Override public byte[] encode(byte[] pcm, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        headers(out);
        frames(resample(pcm, off, len), out);
        return out.toByteArray();
    }

    @Override public byte[] finish() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        headers(out);
        frames(resampleRest(), out);
        finishing = true; // the remaining packets all go on the end-of-stream page
        // Encode silence until the decoder, after dropping pre-skip samples, has produced every input sample.
        long needed = preSkip + samplesIn;
        while (samplesEncoded + framed < needed || framed > 0) {
            frame[framed++] = 0;
            if (framed == FRAME) packet(out);
        }
        out.writeBytes(ogg.flush(true));
        return out.toByteArray();
    }

    private void headers(ByteArrayOutputStream out) {
        if (headersWritten) return;
        headersWritten = true;
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1).putShort((short) preSkip)
                .putInt(inputRate).putShort((short) 0).put((byte) 0);
        ogg.add(head.array(), 0);
        out.writeBytes(ogg.flush(false));
        byte[] vendor = "Timbre (Concentus 1.0.2)".getBytes(StandardCharsets.UTF_8);
        ByteBuffer tags = ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        tags.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(vendor.length).put(vendor).putInt(0);
        ogg.add(tags.array(), 0);
        out.writeBytes(ogg.flush(false));
    }

    private void frames(byte[] pcm, ByteArrayOutputStream out) {
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            frame[framed++] = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            samplesIn++;
            if (framed == FRAME) packet(out);
        }
    }

    private void packet(ByteArrayOutputStream out) {
        int n;
        try {
            n = opus.encode(frame, 0, FRAME, packet, 0, MAX_PACKET);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoding failed", e);
        }
        framed = 0;
        samplesEncoded += FRAME;
        // The end-of-stream granule trims the silence padding; earlier pages count whole frames.
        long granule = Math.min(samplesEncoded, preSkip + samplesIn);
        out.writeBytes(ogg.add(Arrays.copyOf(packet, n), granule));
        if (!finishing && ogg.queued() >= FRAMES_PER_PAGE) out.writeBytes(ogg.flush(false));
    }
}
