package dev.timbre.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds a {@link TimbreConfig} from defaults, an optional YAML file, the environment and flags, in that order. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ConfigLoader() {}

    /**
     * @param flags parsed flags: {@code port}, {@code data}, {@code config}, {@code database-url}, {@code database-user},
     *     {@code database-password} (works, but other users see it in {@code ps}: prefer {@code TIMBRE_DATABASE_PASSWORD})
     */
    public static TimbreConfig load(Map<String, String> flags, Map<String, String> env) throws IOException {
        ObjectNode tree = YAML.valueToTree(TimbreConfig.defaults());
        String file = flags.getOrDefault("config", env.get("TIMBRE_CONFIG"));
        if (file != null) {
            JsonNode fromFile = YAML.readTree(Files.readString(Path.of(file)));
            if (fromFile != null && fromFile.isObject()) merge(tree, (ObjectNode) fromFile);
        }
        TimbreConfig c = YAML.treeToValue(tree, TimbreConfig.class);

        if (env.containsKey("TIMBRE_PORT")) c = c.withPort(Integer.parseInt(env.get("TIMBRE_PORT")));
        if (env.containsKey("TIMBRE_DATA")) c = c.withDataDir(Path.of(env.get("TIMBRE_DATA")));
        if (env.containsKey("TIMBRE_API_KEY") && !env.get("TIMBRE_API_KEY").isBlank()) c = c.withApiKey(env.get("TIMBRE_API_KEY"));
        if (env.containsKey("TIMBRE_DATABASE_URL")) {
            c = c.withDatabase(new TimbreConfig.Database(env.get("TIMBRE_DATABASE_URL"),
                    env.getOrDefault("TIMBRE_DATABASE_USER", c.database().user()),
                    env.getOrDefault("TIMBRE_DATABASE_PASSWORD", c.database().password())));
        }
        if (env.containsKey("TIMBRE_DATABASE_PASSWORD")) {
            // the password's preferred place (flags show in `ps`): it also serves a URL given by file or flag
            c = c.withDatabase(new TimbreConfig.Database(c.database().url(), c.database().user(), env.get("TIMBRE_DATABASE_PASSWORD")));
        }
        if (env.containsKey("TIMBRE_TTS_ENGINE")) {
            c = c.withEngines(c.engines().withTextToSpeech(env.get("TIMBRE_TTS_ENGINE")));
        }
        if (env.containsKey("TIMBRE_EXTRA_TTS_ENGINES")) {
            List<String> extras = java.util.Arrays.stream(env.get("TIMBRE_EXTRA_TTS_ENGINES").split(","))
                    .map(String::strip).filter(e -> !e.isEmpty() && !e.equals("none")).toList();
            c = c.withEngines(c.engines().withExtraTextToSpeech(extras));
        }
        if (env.containsKey("TIMBRE_STT_ENGINE")) c = c.withEngines(c.engines().withSpeechToText(env.get("TIMBRE_STT_ENGINE")));
        if (env.containsKey("TIMBRE_STT_URL") || env.containsKey("TIMBRE_STT_API_KEY") || env.containsKey("TIMBRE_STT_MODEL")
                || env.containsKey("TIMBRE_STT_TIMEOUT_SECONDS")) {
            RemoteSpeechToText r = c.engines().remoteSpeechToText() != null ? c.engines().remoteSpeechToText()
                    : new RemoteSpeechToText(null, null, null, 0);
            if (env.containsKey("TIMBRE_STT_URL")) r = r.withUrl(env.get("TIMBRE_STT_URL"));
            if (env.containsKey("TIMBRE_STT_API_KEY")) r = r.withApiKey(env.get("TIMBRE_STT_API_KEY"));
            if (env.containsKey("TIMBRE_STT_MODEL")) r = r.withModel(env.get("TIMBRE_STT_MODEL"));
            if (env.containsKey("TIMBRE_STT_TIMEOUT_SECONDS")) r = r.withTimeoutSeconds(Integer.parseInt(env.get("TIMBRE_STT_TIMEOUT_SECONDS").strip()));
            c = c.withEngines(c.engines().withRemoteSpeechToText(r));
        }

        c = remoteTextToSpeech(c, env);
        if (env.containsKey("TIMBRE_ROLE") || env.containsKey("TIMBRE_ENGINE_HEALTH_MILLIS")) {
            Nodes n = c.engines().nodes();
            c = c.withEngines(c.engines().withNodes(new Nodes(env.getOrDefault("TIMBRE_ROLE", n.role()),
                    intEnv(env, "TIMBRE_ENGINE_HEALTH_MILLIS", n.healthMillis()))));
        }
        if (env.containsKey("TIMBRE_EMBEDDINGS_URL") || env.containsKey("TIMBRE_EMBEDDINGS_API_KEY") || env.containsKey("TIMBRE_EMBEDDINGS_MODEL")) {
            RemoteEmbeddings r = c.engines().remoteEmbeddings() != null ? c.engines().remoteEmbeddings()
                    : new RemoteEmbeddings(null, null, null, 0);
            c = c.withEngines(c.engines().withRemoteEmbeddings(new RemoteEmbeddings(
                    env.getOrDefault("TIMBRE_EMBEDDINGS_URL", r.url()), env.getOrDefault("TIMBRE_EMBEDDINGS_API_KEY", r.apiKey()),
                    env.getOrDefault("TIMBRE_EMBEDDINGS_MODEL", r.model()), r.timeoutSeconds())));
        }

        if (env.containsKey("TIMBRE_POST_CALL_WEBHOOK_URL") && !env.get("TIMBRE_POST_CALL_WEBHOOK_URL").isBlank()) {
            c = c.withWebhooks(c.webhooks().withPostCall(new TimbreConfig.Webhook(env.get("TIMBRE_POST_CALL_WEBHOOK_URL").strip(),
                    env.get("TIMBRE_POST_CALL_WEBHOOK_SECRET"), env.get("TIMBRE_POST_CALL_WEBHOOK_ID"))));
        }

        if (env.containsKey("TIMBRE_CONCURRENT_CONVERSATIONS") || env.containsKey("TIMBRE_CONVERSATION_CONNECTIONS_PER_MINUTE")) {
            c = c.withLimits(c.limits().withConversations(
                    intEnv(env, "TIMBRE_CONCURRENT_CONVERSATIONS", c.limits().concurrentConversations()),
                    intEnv(env, "TIMBRE_CONVERSATION_CONNECTIONS_PER_MINUTE", c.limits().conversationConnectionsPerMinute())));
        }

        if (flags.containsKey("port")) c = c.withPort(Integer.parseInt(flags.get("port")));
        if (flags.containsKey("data")) c = c.withDataDir(Path.of(flags.get("data")));
        if (flags.containsKey("database-url")) {
            c = c.withDatabase(new TimbreConfig.Database(flags.get("database-url"),
                    flags.getOrDefault("database-user", c.database().user()),
                    flags.getOrDefault("database-password", c.database().password())));
        }
        c = c.withLlm(LlmOverrides.apply(c.llm(), env, flags));
        if (env.containsKey("TIMBRE_OUTBOUND_ALLOW")) {
            c = c.withNetwork(new TimbreConfig.Network(List.of(env.get("TIMBRE_OUTBOUND_ALLOW"))));
        }
        if (env.containsKey("TIMBRE_TWILIO_API_URL") || env.containsKey("TIMBRE_PUBLIC_URL")) {
            c = c.withTelephony(new TimbreConfig.Telephony(env.getOrDefault("TIMBRE_TWILIO_API_URL", c.telephony().twilioApiUrl()),
                    env.getOrDefault("TIMBRE_PUBLIC_URL", c.telephony().publicUrl())));
        }
        dev.timbre.outbound.OutboundAllowList.parse(c.network().outboundAllow()); // a bad entry fails start-up, named
        if (c.port() < 0 || c.port() > 65535) throw new IllegalArgumentException("port out of range: " + c.port());
        c = c.withStorage(c.storage().withEnv(env));
        c = c.withLimits(c.limits().withCounters(c.limits().counters().withEnv(env)));
        return c;
    }

    /** {@code TIMBRE_TTS_URL}, {@code _API_KEY}, {@code _MODEL}, {@code _VOICES}, {@code _TIMEOUT_SECONDS}, {@code _SAMPLE_RATE}, {@code _CLONING}, {@code _CLONE_PATH}. */
    private static TimbreConfig remoteTextToSpeech(TimbreConfig c, Map<String, String> env) {
        List<String> names = List.of("TIMBRE_TTS_URL", "TIMBRE_TTS_API_KEY", "TIMBRE_TTS_MODEL", "TIMBRE_TTS_VOICES",
                "TIMBRE_TTS_TIMEOUT_SECONDS", "TIMBRE_TTS_SAMPLE_RATE", "TIMBRE_TTS_CLONING", "TIMBRE_TTS_CLONE_PATH");
        if (names.stream().noneMatch(env::containsKey)) return c;
        RemoteTextToSpeech r = c.engines().remoteTextToSpeech() != null ? c.engines().remoteTextToSpeech()
                : RemoteTextToSpeech.none();
        if (env.containsKey("TIMBRE_TTS_URL")) r = r.withUrl(env.get("TIMBRE_TTS_URL"));
        if (env.containsKey("TIMBRE_TTS_API_KEY")) r = r.withApiKey(env.get("TIMBRE_TTS_API_KEY"));
        if (env.containsKey("TIMBRE_TTS_MODEL")) r = r.withModel(env.get("TIMBRE_TTS_MODEL"));
        if (env.containsKey("TIMBRE_TTS_VOICES")) r = r.withVoices(List.of(env.get("TIMBRE_TTS_VOICES")));
        if (env.containsKey("TIMBRE_TTS_TIMEOUT_SECONDS")) r = r.withTimeoutSeconds(intEnv(env, "TIMBRE_TTS_TIMEOUT_SECONDS", 0));
        if (env.containsKey("TIMBRE_TTS_SAMPLE_RATE")) r = r.withSampleRate(intEnv(env, "TIMBRE_TTS_SAMPLE_RATE", 0));
        if (env.containsKey("TIMBRE_TTS_CLONING")) r = r.withCloning(booleanEnv(env, "TIMBRE_TTS_CLONING"));
        if (env.containsKey("TIMBRE_TTS_CLONE_PATH")) r = r.withClonePath(env.get("TIMBRE_TTS_CLONE_PATH"));
        return c.withEngines(c.engines().withRemoteTextToSpeech(r));
    }

    private static Boolean booleanEnv(Map<String, String> env, String name) {
        String v = env.get(name).strip().toLowerCase(java.util.Locale.ROOT);
        if (v.isEmpty()) return null;
        if (v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on")) return true;
        if (v.equals("false") || v.equals("0") || v.equals("no") || v.equals("off")) return false;
        throw new IllegalArgumentException(name + " must be true or false, got: " + env.get(name));
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got: " + v);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) merge(o, n);
            else into.set(e.getKey(), e.getValue());
        });
    }
}
