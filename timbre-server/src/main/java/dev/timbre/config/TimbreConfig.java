package dev.timbre.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the server is configured with. Sources, lowest precedence first: built-in defaults, the YAML file
 * given by {@code --config}, environment variables ({@code TIMBRE_*}), command-line flags.
 *
 * @param port HTTP port; 0 picks a free one
 * @param dataDir where the embedded database, audio files and the bootstrap key live
 * @param apiKey bootstrap admin key; null to generate one on first start
 * @param database JDBC URL, user and password; a null URL means the embedded H2 file database under {@code dataDir}
 * @param engines which engine provider serves each capability ({@code marytts}, {@code fake}, …)
 * @param models ElevenLabs model id → engine provider, overriding the defaults of {@code models.yaml}
 * @param limits request size limits
 * @param webhooks where asynchronous results are delivered
 * @param llm the language models agents use; none configured → the built-in rule model (not an AI)
 * @param network which non-public addresses user-supplied URLs may reach ({@code TIMBRE_OUTBOUND_ALLOW} replaces
 *        the YAML's {@code network.outbound_allow})
 * @param telephony phone carriers' settings (Twilio's REST API base URL, the public URL carriers reach this server at)
 * @param storage where blobs live: the data folder or an S3-compatible store ({@link StorageSettings})
 */
public record TimbreConfig(
        String host,
        int port,
        Path dataDir,
        String apiKey,
        Database database,
        Engines engines,
        Map<String, String> models,
        Limits limits,
        Account account,
        Webhooks webhooks,
        LlmSettings llm,
        Network network,
        Telephony telephony,
        StorageSettings storage) {

    public TimbreConfig {
        storage = storage == null ? StorageSettings.FILE : storage;
        webhooks = webhooks == null ? new Webhooks(null) : webhooks;
        llm = llm == null ? LlmSettings.none() : llm;
        network = network == null ? Network.NONE : network;
        telephony = telephony == null ? Telephony.DEFAULT : telephony;
    }

    public TimbreConfig(String host, int port, Path dataDir, String apiKey, Database database, Engines engines,
                        Map<String, String> models, Limits limits, Account account, Webhooks webhooks, LlmSettings llm,
                        Network network, Telephony telephony) {
        this(host, port, dataDir, apiKey, database, engines, models, limits, account, webhooks, llm, network, telephony, StorageSettings.FILE);
    }

    public TimbreConfig(String host, int port, Path dataDir, String apiKey, Database database, Engines engines,
                        Map<String, String> models, Limits limits, Account account) {
        this(host, port, dataDir, apiKey, database, engines, models, limits, account, new Webhooks(null), LlmSettings.none(), Network.NONE, Telephony.DEFAULT);
    }

    /**
     * Where asynchronous results are delivered ({@code webhook=true} requests).
     *
     * @param speechToText the workspace webhook for speech-to-text results; null when none is configured
     * @param postCall the Agents Platform post-call webhook (used when the ConvAI settings name no
     *        {@code post_call_webhook_id}); null when none is configured
     */
    public record Webhooks(Webhook speechToText, Webhook postCall) {
        public Webhooks(Webhook speechToText) {
            this(speechToText, null);
        }

        public Webhooks withPostCall(Webhook w) { return new Webhooks(speechToText, w); }
    }

    /**
     * One webhook endpoint. Deliveries are signed {@code ElevenLabs-Signature: t=<unix>,v0=<hex hmac_sha256(secret, "t.body")>}.
     *
     * @param id the id a request may name in {@code webhook_id}; null accepts any
     */
    public record Webhook(String url, String secret, String id) {}

    public record Database(String url, String user, String password) {}

    /**
     * @param textToSpeech the main TTS provider: serves the models and speaks instant clones
     * @param extraTextToSpeech further TTS providers whose voices are offered as premade voices too; {@code auto}
     *        (the default) loads the installed ones among {@code espeak-ng} and {@code flite}, none when the main
     *        provider is {@code fake}; an extra that fails to load is skipped
     * @param speechToText the speech-to-text provider: {@code auto}, {@code none}, {@code pocketsphinx}, {@code sphinx4},
     *        {@code openai} (a remote server, see {@code remoteSpeechToText}) or {@code fake}
     * @param remoteSpeechToText the server the {@code openai} provider calls; null when none is configured
     * @param remoteTextToSpeech the server the TTS providers {@code openai} and {@code elevenlabs} call (named as the
     *        main TTS provider or among the extras); null when none is configured
     * @param remoteEmbeddings the OpenAI-compatible embeddings server RAG uses; null (the default): all-MiniLM-L6-v2
     *        in process
     */
    public record Engines(String textToSpeech,
                          @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> extraTextToSpeech,
                          String speechToText,
                          RemoteSpeechToText remoteSpeechToText,
                          RemoteTextToSpeech remoteTextToSpeech,
                          RemoteEmbeddings remoteEmbeddings,
                          Nodes nodes) {
        /** No speech-to-text engine: the STT endpoints answer 503. What an {@code Engines} built without one has. */
        public static final String NO_SPEECH_TO_TEXT = "none";
        /** The server's default: pocketsphinx when its library and model are installed, else sphinx4 (pure Java). */
        public static final String AUTO_SPEECH_TO_TEXT = "auto";

        public Engines {
            extraTextToSpeech = extraTextToSpeech == null ? List.of() : List.copyOf(extraTextToSpeech);
            speechToText = speechToText == null || speechToText.isBlank() ? NO_SPEECH_TO_TEXT : speechToText;
            nodes = nodes == null ? Nodes.DEFAULT : nodes;
        }

        public Engines(String textToSpeech, List<String> extraTextToSpeech, String speechToText, RemoteSpeechToText remoteSpeechToText,
                       RemoteTextToSpeech remoteTextToSpeech, RemoteEmbeddings remoteEmbeddings) {
            this(textToSpeech, extraTextToSpeech, speechToText, remoteSpeechToText, remoteTextToSpeech, remoteEmbeddings, null);
        }

        public Engines withNodes(Nodes n) {
            return new Engines(textToSpeech, extraTextToSpeech, speechToText, remoteSpeechToText, remoteTextToSpeech, remoteEmbeddings, n);
        }

        public Engines(String textToSpeech, List<String> extraTextToSpeech, String speechToText, RemoteSpeechToText remoteSpeechToText,
                       RemoteTextToSpeech remoteTextToSpeech) {
            this(textToSpeech, extraTextToSpeech, speechToText, remoteSpeechToText, remoteTextToSpeech, null);
        }

        public Engines(String textToSpeech, List<String> extraTextToSpeech, String speechToText, RemoteSpeechToText remoteSpeechToText) {
            this(textToSpeech, extraTextToSpeech, speechToText, remoteSpeechToText, null);
        }

        public Engines(String textToSpeech, List<String> extraTextToSpeech, String speechToText) {
            this(textToSpeech, extraTextToSpeech, speechToText, null);
        }

        public Engines(String textToSpeech, List<String> extraTextToSpeech) {
            this(textToSpeech, extraTextToSpeech, NO_SPEECH_TO_TEXT);
        }

        public Engines withSpeechToText(String provider) {
            return new Engines(textToSpeech, extraTextToSpeech, provider, remoteSpeechToText, remoteTextToSpeech, remoteEmbeddings, nodes);
        }

        public Engines withRemoteSpeechToText(RemoteSpeechToText remote) {
            return new Engines(textToSpeech, extraTextToSpeech, speechToText, remote, remoteTextToSpeech, remoteEmbeddings, nodes);
        }

        public Engines withRemoteTextToSpeech(RemoteTextToSpeech remote) {
            return new Engines(textToSpeech, extraTextToSpeech, speechToText, remoteSpeechToText, remote, remoteEmbeddings, nodes);
        }

        public Engines withTextToSpeech(String provider) {
            return new Engines(provider, extraTextToSpeech, speechToText, remoteSpeechToText, remoteTextToSpeech, remoteEmbeddings, nodes);
        }

        public Engines withExtraTextToSpeech(List<String> extras) {
            return new Engines(textToSpeech, extras, speechToText, remoteSpeechToText, remoteTextToSpeech, remoteEmbeddings, nodes);
        }

        public Engines withRemoteEmbeddings(RemoteEmbeddings remote) {
            return new Engines(textToSpeech, extraTextToSpeech, speechToText, remoteSpeechToText, remoteTextToSpeech, remote, nodes);
        }

        public Engines(String textToSpeech) {
            this(textToSpeech, List.of("auto"));
        }
    }

    /**
     * @param maxBodyBytes largest JSON body
     * @param maxUploadBytes largest multipart request (all files together)
     * @param concurrentSyntheses synthesis slots: chunks synthesised at once (a run holds one while it pulls a chunk);
     *                            0 means eight per CPU
     * @param synthesisQueue requests that may be without a slot (waiting or paused); one more gets 429
     * @param concurrentConversations agent conversations at once (the workspace concurrency limit; agents with
     *                                {@code bursting_enabled} may take it to three times this, at most 300)
     * @param conversationConnectionsPerMinute agent conversation sockets one client address may open per minute
     *                                         (connections with an API key are exempt); 0: no limit
     * @param counters where agents' concurrency and daily limits and the per-address rate are counted
     *                 ({@link CounterSettings}: across the cluster on PostgreSQL or Redis)
     */
    public record Limits(long maxBodyBytes, long maxUploadBytes, int concurrentSyntheses, int synthesisQueue,
                         int concurrentConversations, int conversationConnectionsPerMinute, CounterSettings counters) {
        public static final int DEFAULT_CONCURRENT_CONVERSATIONS = 20;
        public static final int DEFAULT_CONVERSATION_CONNECTIONS_PER_MINUTE = 20;

        public Limits {
            if (concurrentConversations < 1) throw new IllegalArgumentException("limits.concurrent_conversations must be at least 1");
            if (conversationConnectionsPerMinute < 0) throw new IllegalArgumentException("limits.conversation_connections_per_minute must not be negative");
            counters = counters == null ? CounterSettings.AUTO : counters;
        }

        public Limits(long maxBodyBytes, long maxUploadBytes, int concurrentSyntheses, int synthesisQueue,
                      int concurrentConversations, int conversationConnectionsPerMinute) {
            this(maxBodyBytes, maxUploadBytes, concurrentSyntheses, synthesisQueue, concurrentConversations,
                    conversationConnectionsPerMinute, CounterSettings.AUTO);
        }

        public Limits(long maxBodyBytes, long maxUploadBytes) {
            this(maxBodyBytes, maxUploadBytes, 0, 64);
        }

        public Limits(long maxBodyBytes, long maxUploadBytes, int concurrentSyntheses, int synthesisQueue) {
            this(maxBodyBytes, maxUploadBytes, concurrentSyntheses, synthesisQueue, DEFAULT_CONCURRENT_CONVERSATIONS,
                    DEFAULT_CONVERSATION_CONNECTIONS_PER_MINUTE);
        }

        public Limits withConversations(int concurrent, int connectionsPerMinute) {
            return new Limits(maxBodyBytes, maxUploadBytes, concurrentSyntheses, synthesisQueue, concurrent, connectionsPerMinute, counters);
        }

        public Limits withCounters(CounterSettings c) {
            return new Limits(maxBodyBytes, maxUploadBytes, concurrentSyntheses, synthesisQueue, concurrentConversations,
                    conversationConnectionsPerMinute, c);
        }

        /** {@link #concurrentSyntheses} with 0 resolved against this machine. */
        public int concurrentSynthesesOnThisMachine() {
            return concurrentSyntheses > 0 ? concurrentSyntheses : 8 * Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * Outbound requests to user-supplied URLs (YAML {@code network}).
     *
     * @param outboundAllow {@code outbound_allow}: hosts, {@code host:port} pairs or CIDR ranges that user-supplied
     *        URLs may reach although they are not public, e.g. {@code 127.0.0.1:11434}, {@code 10.0.0.0/8}; each entry
     *        may itself be a comma-separated list (the form of {@code TIMBRE_OUTBOUND_ALLOW}); empty for none
     */
    public record Network(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> outboundAllow) {
        public static final Network NONE = new Network(List.of());

        public Network {
            outboundAllow = outboundAllow == null ? List.of() : List.copyOf(outboundAllow);
        }
    }

    /**
     * Phone carriers (YAML {@code telephony}).
     *
     * @param twilioApiUrl the base URL of Twilio's REST API ({@code TIMBRE_TWILIO_API_URL}, default
     *        {@code https://api.twilio.com}; a Twilio-compatible provider or a test's fake)
     * @param publicUrl the URL carriers reach this server at ({@code TIMBRE_PUBLIC_URL}, e.g.
     *        {@code https://timbre.example.com}); null to use the origin of the request that placed the call
     */
    public record Telephony(String twilioApiUrl, String publicUrl) {
        public static final String TWILIO_API = "https://api.twilio.com";
        public static final Telephony DEFAULT = new Telephony(TWILIO_API, null);

        public Telephony {
            twilioApiUrl = twilioApiUrl == null || twilioApiUrl.isBlank() ? TWILIO_API : twilioApiUrl.strip().replaceAll("/+$", "");
            publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
        }
    }

    /** The single user account of this installation, as {@code GET /v1/user} reports it. */
    public record Account(String userId, String firstName, long characterLimit, String tier) {}

    public static TimbreConfig defaults() {
        return new TimbreConfig("0.0.0.0", 8080, Path.of("data"), null,
                new Database(null, null, null),
                new Engines("marytts", List.of("auto"), Engines.AUTO_SPEECH_TO_TEXT),
                Map.of(),
                new Limits(2L * 1024 * 1024, 100L * 1024 * 1024),
                new Account("timbre", "Timbre", 100_000_000L, "self_hosted"),
                new Webhooks(null), LlmSettings.none(), Network.NONE, Telephony.DEFAULT);
    }

    public TimbreConfig withPort(int p) { return new TimbreConfig(host, p, dataDir, apiKey, database, engines, models, limits, account, webhooks, llm, network, telephony, storage); }

    public TimbreConfig withDataDir(Path d) { return new TimbreConfig(host, port, d, apiKey, database, engines, models, limits, account, webhooks, llm, network, telephony, storage); }

    public TimbreConfig withApiKey(String k) { return new TimbreConfig(host, port, dataDir, k, database, engines, models, limits, account, webhooks, llm, network, telephony, storage); }

    public TimbreConfig withDatabase(Database d) { return new TimbreConfig(host, port, dataDir, apiKey, d, engines, models, limits, account, webhooks, llm, network, telephony, storage); }

    public TimbreConfig withEngines(Engines e) { return new TimbreConfig(host, port, dataDir, apiKey, database, e, models, limits, account, webhooks, llm, network, telephony, storage); }

    public TimbreConfig withWebhooks(Webhooks w) { return new TimbreConfig(host, port, dataDir, apiKey, database, engines, models, limits, account, w, llm, network, telephony, storage); }

    public TimbreConfig withNetwork(Network n) { return new TimbreConfig(host, port, dataDir, apiKey, database, engines, models, limits, account, webhooks, llm, n, telephony, storage); }

    public TimbreConfig withLlm(LlmSettings m) { return new TimbreConfig(host, port, dataDir, apiKey, database, engines, models, limits, account, webhooks, m, network, telephony, storage); }

    public TimbreConfig withLimits(Limits l) { return new TimbreConfig(host, port, dataDir, apiKey, database, engines, models, l, account, webhooks, llm, network, telephony, storage); }

    public TimbreConfig withTelephony(Telephony t) { return new TimbreConfig(host, port, dataDir, apiKey, database, engines, models, limits, account, webhooks, llm, network, t, storage); }

    public TimbreConfig withStorage(StorageSettings st) { return new TimbreConfig(host, port, dataDir, apiKey, database, engines, models, limits, account, webhooks, llm, network, telephony, st); }
}
