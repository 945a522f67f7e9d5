package dev.timbre;

import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.agenttesting.AgentTesting;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.conversation.admission.ConversationAdmission;
import dev.timbre.convai.conversation.speech.ConversationVoices;
import dev.timbre.convai.conversations.ConversationsService;
import dev.timbre.db.Database;
import dev.timbre.jobs.Jobs;
import dev.timbre.engines.EngineCatalog;
import dev.timbre.engines.NodeRole;
import dev.timbre.engines.VoiceActivityDetectors;
import dev.timbre.convai.knowledgebase.rag.RagIndexService;
import dev.timbre.convai.mcpservers.RemoteMcpTools;
import dev.timbre.convai.calling.PhoneCalling;
import dev.timbre.convai.siptrunk.SipTrunk;
import dev.timbre.convai.retention.ConversationRetention;
import dev.timbre.convai.secrets.SecretsService;
import dev.timbre.convai.settings.SettingsService;
import dev.timbre.convai.tools.ToolsService;
import dev.timbre.convai.postcall.PostCallProcessor;
import dev.timbre.convai.llm.ConfiguredLanguageModels;
import dev.timbre.convai.tools.HttpWebhookTools;
import dev.timbre.dubbing.DubbingService;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.history.HistoryService;
import dev.timbre.http.ApiServer;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.speechtotext.SpeechToTextService;
import dev.timbre.cluster.ClusterNode;
import dev.timbre.texttospeech.TextToSpeechService;
import dev.timbre.texttovoice.TextToVoiceService;
import dev.timbre.user.UserService;
import dev.timbre.voices.VoicesService;
import dev.timbre.voices.pvc.ProfessionalCloning;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The composition root: a running server ({@link ServerAssembly} builds it from the configuration) and what it owns.
 * {@link #drain} then {@link #close} stop it gracefully; {@code close} alone stops everything, in dependency order.
 */
public final class Timbre implements AutoCloseable {
    private final Database database;
    private final EngineCatalog engines;
    private final ApiServer server;
    private final Services services;

    /** The use cases other code (tests, later areas) reaches directly. */
    public record Services(VoicesService voices, HistoryService history, UserService users, TextToSpeechService textToSpeech,
                           SpeechToTextService speechToText, AgentsService agents, ToolsService tools, SecretsService secrets,
                           SettingsService convaiSettings,
                           ConfiguredLanguageModels languageModels, HttpWebhookTools webhookTools,
                           ConversationsService conversations, PostCallProcessor postCall, OutboundHttp outbound,
                           VoiceActivityDetectors voiceActivity, ConversationVoices conversationVoices, SpeechSynthesizer speech,
                           ProfessionalCloning pvc, TextToVoiceService textToVoice, AgentTesting agentTesting, RagIndexService rag,
                           RemoteMcpTools mcpTools, ConversationRetention retention, Jobs jobs, DubbingService dubbing,
                           dev.timbre.studio.Studio studio) {}

    private final PhoneCalling phone;
    private final ConversationAdmission admission;
    private final ClusterNode node;
    private final dev.timbre.tracing.Tracing tracing; // OpenTelemetry when OTEL_* asks for it; closed last

    Timbre(Database database, EngineCatalog engines, ApiServer server, Services services, PhoneCalling phone,
                   ConversationAdmission admission, ClusterNode node, dev.timbre.tracing.Tracing tracing) {
        this.tracing = tracing;
        this.node = node;
        this.phone = phone;
        this.admission = admission;
        this.database = database;
        this.engines = engines;
        this.server = server;
        this.services = services;
    }

    public static Timbre start(TimbreConfig config) throws IOException {
        return start(config, dev.timbre.config.SipSettings.OFF);
    }

    /** Starts the server with SIP as {@code sip} says (off for {@link #start(TimbreConfig)}, as tests want). */
    public static Timbre start(TimbreConfig config, dev.timbre.config.SipSettings sip) throws IOException {
        NodeRole role = NodeRole.of(config); // all, api or engine: which engines load and which routes are served
        return ServerAssembly.assemble(role.adjust(config), sip, role);
    }

    public int port() {
        return server.port();
    }

    public List<String> routes() {
        return server.routes();
    }

    public EngineCatalog engines() {
        return engines;
    }

    public Database database() {
        return database;
    }

    /**
     * The use cases, for tests and benchmarks that reach them directly ({@code languageModels} and the others are owned
     * here: callers never close them).
     */
    public Services services() {
        return services;
    }

    /** The SIP side (its endpoint absent when SIP is off). */
    public SipTrunk sipTrunk() { return phone.sipTrunk(); }

    /**
     * The first half of a graceful stop: readiness turns 503 and new conversations are refused, then this waits up
     * to {@code limit} for the running ones to end and their ends to be stored. Returns how many were still running.
     * Call {@link #close} after.
     */
    public int drain(java.time.Duration limit) throws InterruptedException {
        admission.drain();
        services.jobs().pause();
        long deadline = System.nanoTime() + limit.toNanos();
        while (running() > 0 && System.nanoTime() < deadline) Thread.sleep(200);
        return running();
    }

    private int running() {
        return Math.max(admission.active(), services.conversations().liveOn(node.id()));
    }

    @Override
    public void close() {
        server.close();
        phone.close();
        services.jobs().close(); // running jobs finish (or are tried again later) while their services still work
        services.studio().close();
        services.textToVoice().close();
        services.dubbing().close();
        services.pvc().close();
        services.rag().close();
        services.agentTesting().close();
        services.languageModels().close();
        services.webhookTools().close();
        services.mcpTools().close();
        services.retention().close();
        services.conversations().close(); // live recording parts
        services.outbound().close();
        engines.close();
        services.voiceActivity().close();
        node.close(); // no more sweeps (they refresh the limit counters)
        try {
            admission.close(); // the limit counters: this node's leases deleted (database) or the Redis pool closed
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Timbre.class).warn("could not close the conversation limit counters: {}", e.toString());
        }
        database.close();
        tracing.close();
    }
}
