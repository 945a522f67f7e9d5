import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.audio.Resampler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The voice benchmark's utterances with a pause inside: each sentence has a comma where a caller would stop to think
 * ("I would like to book a table, for two people."); it is spoken whole (so the words around the pause keep the
 * sentence's own intonation), then the pause at that comma is stretched to 300–500 ms of digital silence. Three voices:
 * the server's TTS (as {@link Utterances}), espeak-ng and flite's {@code rms} voice (independent engines, resampled
 * to 16 kHz); a voice whose program is missing is skipped. A reply whose audio starts before such an utterance's last
 * voiced chunk answered the pause: an <em>early reply</em>.
 *
 * <p>Where the comma is: the prefix up to and with the comma is synthesised alone; the silent run (20 ms frames under
 * the {@link Utterances} energy threshold) of the whole sentence nearest the prefix's voiced end is the pause.
 */
final class PausedUtterances {
    static final String[][] SENTENCES = {
        {"I would like to book a table,", " for two people."},
        {"My number is,", " five five five, one two three."},
        {"The meeting is on Tuesday,", " at three in the afternoon."},
        {"I am calling about my account,", " because the payment failed."},
        {"Let me think,", " maybe the second option."},
        {"So the problem is,", " the screen stays black."},
        {"I would like a coffee,", " with some milk please."},
        {"Can you check whether,", " my order has shipped?"},
    };
    /** The pause of sentence i: 300, 350, 400, 450, 500, 300, … ms. */
    static int pauseMs(int i) { return 300 + 50 * (i % 5); }

    /** Every sentence in every available voice, with its pause stretched. */
    static List<Utterances.Utterance> make(BenchServer server, String voiceId) throws Exception {
        List<Utterances.Utterance> out = new ArrayList<>();
        for (String voice : new String[] {"server", "espeak-ng", "flite"}) {
            for (int i = 0; i < SENTENCES.length; i++) {
                String prefix = SENTENCES[i][0], whole = prefix + SENTENCES[i][1];
                byte[] pcm = speak(voice, server, voiceId, whole);
                if (pcm == null) break; // the program is not installed
                byte[] paused = stretch(pcm, pauseAt(pcm, Utterances.voicedEnd(speak(voice, server, voiceId, prefix))), pauseMs(i));
                out.add(new Utterances.Utterance(whole + " [" + voice + ", " + pauseMs(i) + " ms]", paused, Utterances.voicedEnd(paused)));
            }
        }
        return out;
    }

    /** 16 kHz s16le PCM of {@code text} in {@code voice}; null when its program is missing. */
    static byte[] speak(String voice, BenchServer server, String voiceId, String text) throws Exception {
        if (voice.equals("server")) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode body = json.createObjectNode().put("text", text).put("model_id", "eleven_multilingual_v2");
            return server.postForBytes("/v1/text-to-speech/" + voiceId + "?output_format=pcm_16000", json.writeValueAsString(body));
        }
        Path wav = Files.createTempFile("paused", ".wav");
        try {
            List<String> cmd = voice.equals("espeak-ng") ? List.of("espeak-ng", "-w", wav.toString(), text)
                    : List.of("flite", "-voice", "rms", "-t", text, "-o", wav.toString());
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            } catch (IOException missing) {
                System.err.println(voice + " not installed: its paused utterances are skipped");
                return null;
            }
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) throw new IllegalStateException(cmd + " failed");
            return wavTo16k(Files.readAllBytes(wav));
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** The data of a mono s16le WAV file, resampled to 16 kHz. */
    static byte[] wavTo16k(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int rate = b.getInt(24);
        for (int at = 12; at + 8 <= wav.length; ) {
            String id = new String(wav, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = b.getInt(at + 4);
            if (id.equals("data")) {
                int len = Math.min(size < 0 ? Integer.MAX_VALUE : size, wav.length - at - 8) & ~1;
                byte[] pcm = java.util.Arrays.copyOfRange(wav, at + 8, at + 8 + len);
                return rate == 16000 ? pcm : Resampler.resampleAll(pcm, rate, 16000);
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalStateException("no data chunk in the WAV file");
    }

    /** The middle sample of the silent run of {@code pcm} nearest {@code nearSample} (its own position when none). */
    static int pauseAt(byte[] pcm, int nearSample) {
        int frames = pcm.length / 2 / Utterances.FRAME;
        boolean[] loud = Utterances.loudFrames(pcm);
        int best = nearSample, bestDistance = Integer.MAX_VALUE;
        for (int f = 0; f < frames; ) {
            if (loud[f]) { f++; continue; }
            int end = f;
            while (end < frames && !loud[end]) end++;
            boolean inside = f > 0 && end < frames;
            int start = f * Utterances.FRAME, stop = end * Utterances.FRAME;
            int distance = nearSample < start ? start - nearSample : nearSample > stop ? nearSample - stop : 0;
            if (inside && distance < bestDistance) { bestDistance = distance; best = (start + stop) / 2; }
            f = end;
        }
        return best;
    }

    /** {@code pcm} with digital silence inserted at {@code sample} so the quiet stretch there lasts {@code pauseMs}. */
    static byte[] stretch(byte[] pcm, int sample, int pauseMs) {
        boolean[] loud = Utterances.loudFrames(pcm);
        int f = Math.min(loud.length - 1, sample / Utterances.FRAME), from = f, to = f;
        while (from > 0 && !loud[from - 1]) from--;
        while (to < loud.length && !loud[to]) to++;
        int quietMs = (to - from) * 20;
        int insert = Math.max(0, pauseMs - quietMs) * 16 * 2;
        byte[] out = new byte[pcm.length + insert];
        int at = 2 * sample;
        System.arraycopy(pcm, 0, out, 0, at);
        System.arraycopy(pcm, at, out, at + insert, pcm.length - at);
        return out;
    }
}
