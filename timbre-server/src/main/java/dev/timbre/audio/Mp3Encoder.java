package dev.timbre.audio;

import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

/**
 * MP3 through jump3r (pure-Java LAME), constant bitrate, mono, at exactly the format's sample rate. Each
 * {@link #encode} returns the frames LAME has completed, so a stream starts after about two frames of input.
 */
final class Mp3Encoder extends AudioEncoder {
    private final LameEncoder lame;
    private final byte[] buffer;
    private boolean anyInput;

    Mp3Encoder(int inputRate, OutputFormat format) {
        super(inputRate, format);
        AudioFormat source = new AudioFormat(format.sampleRate(), 16, 1, true, false);
        // The target format pins the output rate: LAME would otherwise downsample low bitrates (44.1 kHz at 32 kbps).
        var encoding = format.sampleRate() >= 32000 ? LameEncoder.MPEG1L3 : LameEncoder.MPEG2L3;
        var target = new AudioFormat(encoding, format.sampleRate(), AudioSystem.NOT_SPECIFIED, 1, AudioSystem.NOT_SPECIFIED,
                AudioSystem.NOT_SPECIFIED, false, Map.of(LameEncoder.P_BITRATE, format.bitrateKbps(), LameEncoder.P_CHMODE, "mono",
                        LameEncoder.P_QUALITY, "middle", LameEncoder.P_VBR, false));
        lame = new LameEncoder(source, target);
        buffer = new byte[lame.getMP3BufferSize()];
    }

    @Override public byte[] encode(byte[] b, int off, int len) { return lame(resample(b, off, len)); }

    @Override public byte[] finish() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(lame(resampleRest()));
        // LAME's flush trips an assertion (jump3r) when it never saw a sample: give it one frame of silence
        if (!anyInput) out.writeBytes(lame(new byte[2 * 1152]));
        int n = lame.encodeFinish(buffer);
        lame.close();
        out.write(buffer, 0, n);
        return out.toByteArray();
    }

    private byte[] lame(byte[] pcm) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (pcm.length > 0) anyInput = true;
        int step = lame.getPCMBufferSize();
        for (int i = 0; i < pcm.length; i += step) {
            int n = lame.encodeBuffer(pcm, i, Math.min(step, pcm.length - i), buffer);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
