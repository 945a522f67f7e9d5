package dev.timbre.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/** Decodes uploaded or stored audio (WAV, MP3) to s16le mono PCM. */
public final class AudioDecoder {
    private AudioDecoder() {}

    /** Throws IllegalArgumentException when the bytes are neither WAV nor MP3. */
    public static Wav.Decoded decode(byte[] data) {
        if (data.length >= 12 && new String(data, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")) return Wav.read(data);
        return mp3(data);
    }

    public static Wav.Decoded mp3(byte[] data) {
        Bitstream bs = new Bitstream(new ByteArrayInputStream(data));
        Decoder dec = new Decoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rate = 0;
        try {
            Header h;
            while ((h = bs.readFrame()) != null) {
                SampleBuffer sb = (SampleBuffer) dec.decodeFrame(h, bs);
                rate = sb.getSampleFrequency();
                short[] s = sb.getBuffer();
                int channels = sb.getChannelCount();
                int frames = sb.getBufferLength() / channels;
                short[] mono = new short[frames];
                for (int i = 0; i < frames; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) sum += s[i * channels + c];
                    mono[i] = (short) (sum / channels);
                }
                out.writeBytes(Pcm.toBytes(mono));
                bs.closeFrame();
            }
        } catch (BitstreamException | DecoderException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not decodable MP3: " + e.getMessage(), e);
        }
        if (rate == 0) throw new IllegalArgumentException("no MP3 frames found");
        return new Wav.Decoded(new PcmFormat(rate), out.toByteArray());
    }
}
