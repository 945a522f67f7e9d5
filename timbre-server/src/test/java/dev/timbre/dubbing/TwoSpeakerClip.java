package dev.timbre.dubbing;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceShape;
import dev.timbre.speaker.Speakers;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A two-speaker English conversation for dubbing tests: lines alternating between two independent voices (flite's
 * and espeak-ng's, each engine run directly), 0.8 s apart, as a 16 kHz WAV; {@link #mp4} puts it under a coloured
 * video with ffmpeg.
 */
final class TwoSpeakerClip {
    static final int RATE = 16000;
    static final double GAP = 0.8;

    private TwoSpeakerClip() {}

    /** Line i is spoken by {@code voices[i % 2]}. */
    static byte[] wav(List<String> lines, TextToSpeech a, String voiceA, TextToSpeech b, String voiceB) throws InterruptedException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        byte[] gap = new byte[(int) (GAP * RATE) * 2];
        pcm.writeBytes(gap);
        for (int i = 0; i < lines.size(); i++) {
            byte[] s = i % 2 == 0 ? Speakers.speak(a, voiceA, lines.get(i), 1, VoiceShape.NEUTRAL) : Speakers.speak(b, voiceB, lines.get(i), 1, VoiceShape.NEUTRAL);
            pcm.writeBytes(s);
            pcm.writeBytes(gap);
        }
        return Wav.wrap(pcm.toByteArray(), new PcmFormat(RATE));
    }

    /** The WAV's audio (AAC) under a blue 320×240 video (MPEG-4 Part 2), as MP4. */
    static byte[] mp4(byte[] wav) throws Exception {
        Path in = Files.createTempFile("clip", ".wav"), out = Files.createTempFile("clip", ".mp4");
        try {
            Files.write(in, wav);
            double seconds = Wav.read(wav).pcm().length / 2.0 / RATE;
            Process p = new ProcessBuilder(UploadDecoder.findOnPath("ffmpeg").orElseThrow().toString(), "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "color=c=blue:s=320x240:r=10:d=" + seconds, "-i", in.toString(), "-c:v", "mpeg4", "-c:a", "aac",
                    "-shortest", out.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException("ffmpeg failed: " + log);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /** Seconds of media (audio track) by ffprobe. */
    static double seconds(byte[] media, String streams) throws Exception {
        Path in = Files.createTempFile("dubbed", ".bin");
        try {
            Files.write(in, media);
            Process p = new ProcessBuilder(UploadDecoder.findOnPath("ffprobe").orElseThrow().toString(), "-v", "error", "-select_streams", streams,
                    "-show_entries", "stream=duration", "-of", "csv=p=0", in.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return Double.parseDouble(out.lines().findFirst().orElse("NaN"));
        } finally {
            Files.deleteIfExists(in);
        }
    }
}
