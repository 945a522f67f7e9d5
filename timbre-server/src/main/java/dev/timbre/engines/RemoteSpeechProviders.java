package dev.timbre.engines;

import dev.timbre.config.RemoteTextToSpeech;
import dev.timbre.config.Nodes;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.remote.ElevenLabsTextToSpeech;
import dev.timbre.engine.remote.OpenAiSpeechTextToSpeech;
import dev.timbre.engine.remote.RemoteSpeechSettings;
import dev.timbre.outbound.OutboundAllowList;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundPolicy;
import dev.timbre.outbound.OutboundTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote text-to-speech providers, {@code openai} and {@code elevenlabs}, made from
 * {@code engines.remote_text_to_speech}. Each talks through its own {@link OutboundHttp}: the outbound policy (public
 * addresses and the operator's {@code network.outbound_allow}) plus the configured server's own host and port, so a
 * redirect or a URL elsewhere inside the network is refused like any user-supplied URL. Each is wrapped in
 * {@link ForcedAlignedSpeech} (word timings from the speech-to-text engine). The voice listing is cached under
 * {@code <data>/engines/<provider>-voices.json}. Making one lists its voices (network, at most 10 s): done on the engine
 * loader's thread.
 */
public final class RemoteSpeechProviders {
    public static final Set<String> PROVIDERS = Set.of(OpenAiSpeechTextToSpeech.PROVIDER, ElevenLabsTextToSpeech.PROVIDER);
    private static final Logger log = LoggerFactory.getLogger(RemoteSpeechProviders.class);

    private RemoteSpeechProviders() {}

    /**
     * The makers of the providers, by id; a named provider without a URL fails here, at start-up.
     *
     * @param named every TTS provider the configuration names (main and extras)
     * @param aligner the server's speech-to-text engine, asked when a synthesis ends
     */
    public static Map<String, Supplier<TextToSpeech>> providers(List<String> named, RemoteTextToSpeech remote,
                                                                List<String> outboundAllow, Path dataDir,
                                                                Supplier<Optional<SpeechToText>> aligner) {
        return providers(named, remote, outboundAllow, dataDir, aligner, Nodes.DEFAULT.healthMillis(), Map::of);
    }

    /**
     * {@link #providers(List, RemoteTextToSpeech, List, Path, Supplier)}; when the URL is a list of
     * routes ({@link EngineNodes#isRouteList}) the {@code elevenlabs} provider is {@link EngineNodes}: one client per
     * node, health-checked every {@code healthMillis}, falling back to the {@code local} engines.
     */
    public static Map<String, Supplier<TextToSpeech>> providers(List<String> named, RemoteTextToSpeech remote,
                                                                List<String> outboundAllow, Path dataDir,
                                                                Supplier<Optional<SpeechToText>> aligner, long healthMillis,
                                                                Supplier<Map<String, TextToSpeech>> local) {
        if (named.stream().noneMatch(PROVIDERS::contains)) return Map.of();
        if (remote == null || remote.url() == null) {
            throw new IllegalArgumentException("TTS engine " + named.stream().filter(PROVIDERS::contains).toList()
                    + " needs the server's URL: engines.remote_text_to_speech.url in the config file or TIMBRE_TTS_URL, "
                    + "e.g. http://gpu-host:8880");
        }
        if (EngineNodes.isRouteList(remote.url())) {
            EngineNodes.parse(remote.url()).forEach(r -> hostAndPort(r[1])); // a bad URL fails here, at start-up
            return Map.of(ElevenLabsTextToSpeech.PROVIDER, () -> nodes(remote, outboundAllow, aligner, healthMillis, local));
        }
        RemoteSpeechSettings settings = settings(remote, remote.url());
        String server = hostAndPort(remote.url());
        Path cache = dataDir == null ? null : dataDir.resolve("engines");
        return Map.of(
                OpenAiSpeechTextToSpeech.PROVIDER, () -> {
                    OutboundHttp http = client(outboundAllow, server);
                    OpenAiSpeechTextToSpeech e = new OpenAiSpeechTextToSpeech(settings, new OutboundTransport(http),
                            cache == null ? null : cache.resolve("openai-voices.json"), remote.cloningEnabled() ? remote.clonePath() : null);
                    log.info("text to speech: {} ({} voices)", e.info().description(), e.voices().size());
                    return new ForcedAlignedSpeech(e, aligner, http);
                },
                ElevenLabsTextToSpeech.PROVIDER, () -> {
                    OutboundHttp http = client(outboundAllow, server);
                    ElevenLabsTextToSpeech e = new ElevenLabsTextToSpeech(settings, new OutboundTransport(http),
                            cache == null ? null : cache.resolve("elevenlabs-voices.json"), remote.cloningEnabled());
                    log.info("text to speech: {} ({} voices)", e.info().description(), e.voices().size());
                    return new ForcedAlignedSpeech(e, aligner, http);
                });
    }

    private static RemoteSpeechSettings settings(RemoteTextToSpeech remote, String url) {
        return new RemoteSpeechSettings(url, remote.apiKey(), remote.model(), remote.voices(),
                remote.timeoutSeconds() == 0 ? null : Duration.ofSeconds(remote.timeoutSeconds()), remote.sampleRate(), 0);
    }

    /** One ElevenLabs-style client per distinct node (no voice cache: nodes list their voices at start), routed. */
    private static EngineNodes nodes(RemoteTextToSpeech remote, List<String> outboundAllow,
                                     Supplier<Optional<SpeechToText>> aligner, long healthMillis, Supplier<Map<String, TextToSpeech>> local) {
        Map<String, TextToSpeech> clients = new java.util.LinkedHashMap<>();
        List<EngineNodes.Route> routes = new ArrayList<>();
        for (String[] r : EngineNodes.parse(remote.url())) {
            TextToSpeech client = clients.computeIfAbsent(r[1], url -> {
                OutboundHttp http = client(outboundAllow, hostAndPort(url));
                ElevenLabsTextToSpeech e = new ElevenLabsTextToSpeech(settings(remote, url), new OutboundTransport(http), null, false);
                log.info("text to speech: engine node {} ({} voices)", url, e.voices().size());
                return new EngineNodeClient(e, new ForcedAlignedSpeech(e, aligner, http));
            });
            routes.add(new EngineNodes.Route(r[0], r[1], client));
        }
        return new EngineNodes(routes, healthMillis, local);
    }

    /** The outbound policy plus the configured server ({@code host:port}). */
    static OutboundHttp client(List<String> outboundAllow, String server) {
        List<String> allow = new ArrayList<>(outboundAllow == null ? List.of() : outboundAllow);
        allow.add(server);
        return new OutboundHttp(new OutboundPolicy(OutboundAllowList.parse(allow)));
    }

    /** {@code host:port} of a URL, the port made explicit; fails for a URL that is not http(s). */
    static String hostAndPort(String url) {
        URI u = URI.create(url.strip());
        if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
            throw new IllegalArgumentException("text-to-speech URL must be http:// or https:// with a host, got '" + url + "'");
        }
        int port = u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
        return u.getHost() + ":" + port;
    }
}
