package dev.timbre.convai.conversation;

import static dev.timbre.http.ApiServer.mount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversation.admission.ConversationAdmission;
import dev.timbre.convai.conversation.agent.AgentProfiles;
import dev.timbre.convai.conversation.agent.ServerToolRunner;
import dev.timbre.convai.conversation.transport.ConversationRuntime;
import dev.timbre.convai.conversation.transport.ConversationSignatures;
import dev.timbre.convai.conversation.transport.TurnOverhead;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.tools.WebhookToolResult;
import dev.timbre.convai.tools.WebhookTools;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.ApiServer;
import dev.timbre.http.RequestTracking;
import dev.timbre.testing.TestServer;
import dev.timbre.workspace.ApiKeyRepository;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A {@link TestServer} (agents and tools through the API) plus a second API server with only the conversation routes,
 * whose seams the test sets: the LLM per prompt, webhook tools, an in-memory log, short timings.
 */
final class ConversationHarness implements AutoCloseable {
    final TestServer server;
    final RecordingConversationLog log = new RecordingConversationLog();
    private static final RuleLanguageModel RULES = new RuleLanguageModel();
    /** Every agent on the built-in rule model unless a test sets another. */
    volatile AgentLanguageModels models = prompt -> RULES;
    /** Webhook tools answer an error unless a test sets a runner. */
    volatile WebhookTools webhooks = (config, args, vars) -> new WebhookToolResult("webhook tools are not configured", true, Map.of("type", "webhook"), 0);
    final ApiServer api;
    /** What the harness's conversations share (phone calls run on it too). */
    final ConversationRuntime runtime;

    ConversationHarness() {
        this(c -> c, ConversationRuntime.DEFAULT_MAX_QUEUED_BYTES);
    }

    /**
     * A harness over a server configured by {@code customise} (e.g. real engines for voice), whose conversation
     * sockets close clients that let more than {@code maxQueuedBytes} of events pile up.
     */
    ConversationHarness(java.util.function.UnaryOperator<TimbreConfig> customise, long maxQueuedBytes) {
        this(customise, maxQueuedBytes, new ConversationAdmission(100, 0, Clock.systemUTC()));
    }

    /** A harness whose conversation sockets are admitted by {@code admission}. */
    ConversationHarness(java.util.function.UnaryOperator<TimbreConfig> customise, long maxQueuedBytes, ConversationAdmission admission) {
        server = TestServer.start(customise);
        ApiKeyAuth auth = new ApiKeyAuth(new ApiKeyRepository(server.timbre().database().jdbi()));
        AgentProfiles profiles = new AgentProfiles(server.timbre().services().agents(), server.timbre().services().tools(), p -> models.forPrompt(p));
        runtime = new ConversationRuntime(profiles, log, new ServerToolRunner((c, a, v) -> webhooks.call(c, a, v), ServerToolRunner.Usage.NONE),
                ConversationSignatures.withRandomKey(Clock.systemUTC()), ConversationRoutes.timers(), Clock.systemUTC(),
                Duration.ofMillis(700), Duration.ofMillis(50), Duration.ofMillis(400), TurnOverhead.unrecorded(),
                server.timbre().services().conversationVoices(), maxQueuedBytes);
        api = ApiServer.start(TimbreConfig.defaults().withPort(0), new RequestTracking(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
                auth, List.of(mount("/v1/convai/conversation", new ConversationRoutes(server.timbre().services().agents(), auth, admission, runtime))));
    }

    /** Creates an agent through the API; {@code body} may use single quotes. Returns its id. */
    String agent(String body) {
        var r = server.postJson("/v1/convai/agents/create", body.replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agent_id").asText();
    }

    String tool(String body) {
        var r = server.postJson("/v1/convai/tools", body.replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    ConversationClient connect(String query, String... subprotocols) {
        return ConversationClient.open(api.port(), "/v1/convai/conversation?" + query, Map.of(), subprotocols);
    }

    ConversationClient connect(String query, Map<String, String> headers) {
        return ConversationClient.open(api.port(), "/v1/convai/conversation?" + query, headers);
    }

    /** Opens, initiates with {@code initiation} (single quotes allowed) and returns after the metadata. */
    Started start(String agentId, String initiation) {
        ConversationClient c = connect("agent_id=" + agentId, "convai");
        c.sendJson(initiation);
        JsonNode metadata = c.message();
        assertThat(metadata.path("type").asText()).isEqualTo("conversation_initiation_metadata");
        return new Started(c, metadata.path("conversation_initiation_metadata_event").path("conversation_id").asText());
    }

    record Started(ConversationClient client, String conversationId) {}

    static final String INIT = "{'type':'conversation_initiation_client_data','conversation_config_override':{'agent':{},'tts':{}},'dynamic_variables':{}}";

    @Override
    public void close() {
        api.close();
        server.close();
    }
}
