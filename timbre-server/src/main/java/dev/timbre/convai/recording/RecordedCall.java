package dev.timbre.convai.recording;

import java.util.function.Consumer;

/**
 * A finished call recording: one mono 16 kHz track of {@link #samples()} samples from the start of the session.
 * Owns the mixer's blocks (the mixer stops writing when it hands them over); read-only afterwards, so any thread may
 * read it.
 *
 * @see CallRecording
 */
public final class RecordedCall {
    private final short[][] blocks;
    private final long samples;
    private final boolean userAudio;
    private final boolean agentAudio;

    RecordedCall(short[][] blocks, long samples, boolean userAudio, boolean agentAudio) {
        this.blocks = blocks;
        this.samples = samples;
        this.userAudio = userAudio;
        this.agentAudio = agentAudio;
    }

    /** A recording with no audio in it. */
    public static RecordedCall empty() {
        return new RecordedCall(new short[0][], 0, false, false);
    }

    /** Length of the track in samples at 16 kHz. */
    public long samples() { return samples; }

    public long durationMillis() { return samples * 1000 / CallRecording.SAMPLE_RATE; }

    /** True when any user audio was recorded. */
    public boolean hasUserAudio() { return userAudio; }

    /** True when any agent audio was recorded. */
    public boolean hasAgentAudio() { return agentAudio; }

    public boolean isEmpty() { return samples == 0; }

    /** The sample at {@code index} (0 in gaps). */
    public short sample(long index) {
        if (index < 0 || index >= samples) throw new IndexOutOfBoundsException(index);
        short[] block = blocks[(int) (index / CallRecording.BLOCK)];
        return block == null ? 0 : block[(int) (index % CallRecording.BLOCK)];
    }

    /** The whole track as s16le bytes, one second (or the rest) per call, in order. */
    public void pcm(Consumer<byte[]> out) {
        for (long start = 0; start < samples; start += CallRecording.BLOCK) {
            int n = (int) Math.min(CallRecording.BLOCK, samples - start);
            short[] block = blocks[(int) (start / CallRecording.BLOCK)];
            byte[] bytes = new byte[n * 2];
            if (block != null) {
                for (int i = 0; i < n; i++) {
                    bytes[2 * i] = (byte) block[i];
                    bytes[2 * i + 1] = (byte) (block[i] >> 8);
                }
            }
            out.accept(bytes);
        }
    }
}
