package dev.timbre.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A remote speech server on a random local port for tests, speaking both OpenAI's {@code POST /v1/audio/speech} (and
 * {@code GET /v1/audio/voices}) and ElevenLabs' {@code POST /v1/text-to-speech/{voice_id}/stream} (and
 * {@code GET /v2/voices}). The audio: each word of the text as a 0.25 s tone followed by 0.1 s of silence, so an
 * aligner can find the words; sent in 50 ms pieces, each flushed (streamed, chunked). Records every request.
 * {@code GET /health/ready} answers 200 (an engine node's readiness) unless {@link #status} says otherwise.
 * Cloning: ElevenLabs' {@code POST /v1/voices/add} (answers {@code cloned-<n>}), Chatterbox-TTS-API's
 * {@code POST /v1/voices}, and {@code DELETE /v1/voices/{id}} for both; multipart bodies are kept in {@link #uploads}.
 */
public final class FakeSpeechServer implements AutoCloseable {
    public static final double WORD_SECONDS = 0.25;
    public static final double GAP_SECONDS = 0.1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server saw it. */
    public record Request(String method, String path, String query, String authorization, String xiApiKey, JsonNode body) {}

    /** A multipart request's body as sent. */
    public record Upload(String path, String contentType, byte[] body) {
        /** The text value of form field {@code name}, or null. */
        public String field(String name) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\"\r\n\r\n([^\r]*)\r\n")
                    .matcher(new String(body, StandardCharsets.ISO_8859_1));
            return m.find() ? m.group(1) : null;
        }

        /** How many file parts named {@code name} the body has. */
        public int files(String name) {
            return new String(body, StandardCharsets.ISO_8859_1).split("name=\"" + name + "\"; filename=", -1).length - 1;
        }

        /** Whether {@code data} is somewhere in the body. */
        public boolean holds(byte[] data) {
            return new String(body, StandardCharsets.ISO_8859_1).contains(new String(data, StandardCharsets.ISO_8859_1));
        }
    }

    /** What {@code /v1/audio/speech} answers with. */
    public enum Audio { PCM, WAV, STEREO_WAV }

    private final HttpServer server;
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger clones = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Audio audio = Audio.PCM;
    private volatile int rate = 24_000;
    private volatile List<String> voices = List.of("af_bella", "am_adam", "bf_emma", "jf_alpha");
    private volatile int status = 200;
    private volatile String redirect;
    private volatile long firstByteDelayMs;

    public FakeSpeechServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-speech-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    public void audio(Audio a, int sampleRate) { audio = a; rate = sampleRate; }

    /** Voices {@code GET /v1/audio/voices} lists; null: that path answers 404 (a server that cannot list). */
    public void voices(List<String> ids) { voices = ids; }

    /** Every request is answered with this status (and an error body) when it is not 200. */
    public void status(int s) { status = s; }

    /** Speech requests are answered with a 307 to this URL; null: none. */
    public void redirect(String location) { redirect = location; }

    public void firstByteDelay(long ms) { firstByteDelayMs = ms; }

    public void reset() {
        requests.clear();
        uploads.clear();
        clones.set(0);
        audio = Audio.PCM;
        rate = 24_000;
        voices = List.of("af_bella", "am_adam", "bf_emma", "jf_alpha");
        status = 200;
        redirect = null;
        firstByteDelayMs = 0;
    }

    /** The PCM the server speaks for {@code text} at {@code sampleRate}: a tone per word, then a gap. */
    public static byte[] speak(String text, int sampleRate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int tone = (int) (WORD_SECONDS * sampleRate), gap = (int) (GAP_SECONDS * sampleRate);
        for (String ignored : text.strip().split("\\s+")) {
            for (int i = 0; i < tone; i++) {
                short v = (short) (8000 * Math.sin(2 * Math.PI * 220 * i / sampleRate));
                out.write(v & 0xFF);
                out.write((v >> 8) & 0xFF);
            }
            out.writeBytes(new byte[gap * 2]);
        }
        return out.toByteArray();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] in = x.getRequestBody().readAllBytes();
            String type = x.getRequestHeaders().getFirst("Content-Type");
            boolean multipart = type != null && type.startsWith("multipart/form-data");
            JsonNode body = in.length == 0 || multipart ? null : JSON.readTree(in);
            String path = x.getRequestURI().getPath();
            if (multipart) uploads.add(new Upload(path, type, in));
            requests.add(new Request(x.getRequestMethod(), path, x.getRequestURI().getQuery(),
                    x.getRequestHeaders().getFirst("Authorization"), x.getRequestHeaders().getFirst("xi-api-key"), body));
            if (status != 200) {
                send(x, status, "application/json", "{\"error\":{\"message\":\"fake server says " + status + "\"}}");
            } else if (path.equals("/health/ready")) {
                send(x, 200, "application/json", "{\"status\":\"ok\"}");
            } else if (path.equals("/v1/audio/voices")) {
                if (voices == null) send(x, 404, "application/json", "{\"detail\":\"Not Found\"}");
                else send(x, 200, "application/json", JSON.writeValueAsString(java.util.Map.of("voices", voices)));
            } else if (path.equals("/v2/voices")) {
                send(x, 200, "application/json", """
                        {"voices":[{"voice_id":"remote-voice-1","name":"Remote Rachel","category":"premade",
                          "labels":{"accent":"american","gender":"female"},"description":"A calm remote voice",
                          "verified_languages":[{"language":"en","model_id":"eleven_flash_v2_5"}]},
                         {"voice_id":"remote-voice-2","name":"Remote Hans","labels":{"gender":"male"},
                          "verified_languages":[{"language":"de"}]}],"has_more":false,"total_count":2}""");
            } else if (path.equals("/v1/voices/add") && x.getRequestMethod().equals("POST")) {
                send(x, 200, "application/json", "{\"voice_id\":\"cloned-" + clones.incrementAndGet() + "\",\"requires_verification\":false}");
            } else if (path.equals("/v1/voices") && x.getRequestMethod().equals("POST")) {
                send(x, 201, "application/json", "{\"message\":\"Voice uploaded\",\"voice\":{\"name\":\"x\"}}");
            } else if (path.startsWith("/v1/voices/") && x.getRequestMethod().equals("DELETE")) {
                send(x, 200, "application/json", "{\"status\":\"ok\"}");
            } else if (redirect != null) {
                x.getResponseHeaders().add("Location", redirect);
                x.sendResponseHeaders(307, -1);
            } else if (path.equals("/v1/audio/speech")) {
                Audio a = audio;
                byte[] pcm = speak(body.path("input").asText(), rate);
                stream(x, a == Audio.PCM ? "audio/pcm" : "audio/wav", switch (a) {
                    case PCM -> pcm;
                    case WAV -> streamedWav(pcm, 1);
                    case STEREO_WAV -> streamedWav(stereo(pcm), 2);
                });
            } else if (path.startsWith("/v1/text-to-speech/") && path.endsWith("/stream")) {
                String q = x.getRequestURI().getQuery();
                int r = q != null && q.contains("output_format=pcm_") ? Integer.parseInt(q.replaceAll(".*output_format=pcm_(\\d+).*", "$1")) : 24_000;
                stream(x, "audio/pcm", speak(body.path("text").asText(), r));
            } else {
                send(x, 404, "application/json", "{\"detail\":\"Not Found\"}");
            }
        }
    }

    private void stream(HttpExchange x, String type, byte[] bytes) throws IOException {
        sleep(firstByteDelayMs);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(200, 0);
        OutputStream out = x.getResponseBody();
        int piece = rate / 20 * 2; // 50 ms
        for (int at = 0; at < bytes.length; at += piece) {
            out.write(bytes, at, Math.min(piece, bytes.length - at));
            out.flush();
        }
    }

    /** A WAV as streaming servers write it: the sizes unknown (0xFFFFFFFF). */
    private byte[] streamedWav(byte[] pcm, int channels) {
        byte[] wav = Wav.wrap(pcm, new PcmFormat(rate));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, -1);
        b.putInt(40, -1);
        b.putShort(22, (short) channels);
        b.putInt(28, rate * 2 * channels);
        b.putShort(32, (short) (2 * channels));
        return wav;
    }

    private static byte[] stereo(byte[] mono) {
        byte[] out = new byte[mono.length * 2];
        for (int i = 0; i + 1 < mono.length; i += 2) {
            out[2 * i] = mono[i]; out[2 * i + 1] = mono[i + 1];
            out[2 * i + 2] = mono[i]; out[2 * i + 3] = mono[i + 1];
        }
        return out;
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    private static void sleep(long ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() { server.stop(0); }
}
