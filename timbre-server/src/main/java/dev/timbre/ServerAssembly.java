package dev.timbre;

import static dev.timbre.http.ApiServer.mount;

import dev.timbre.audio.UploadDecoder;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsRoutes;
import dev.timbre.convai.agenttesting.AgentTesting;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.simulation.SimulationRoutes;
import dev.timbre.convai.simulation.SimulationService;
import dev.timbre.convai.postcall.ConversationAnalyser;
import dev.timbre.convai.conversation.agent.AgentProfiles;
import dev.timbre.convai.conversation.ConversationRoutes;
import dev.timbre.convai.conversation.admission.ConversationAdmission;
import dev.timbre.convai.conversation.speech.ConversationVoices;
import dev.timbre.convai.conversation.transport.UsedGrantRepository;
import dev.timbre.convai.conversations.ConversationRepository;
import dev.timbre.convai.conversations.ConversationsRoutes;
import dev.timbre.convai.conversations.ConversationAudio;
import dev.timbre.convai.conversations.ConversationsService;
import dev.timbre.db.Database;
import dev.timbre.jobs.JobSettings;
import dev.timbre.jobs.Jobs;
import dev.timbre.engines.EngineCatalog;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.NodeRole;
import dev.timbre.engines.TextEmbeddings;
import dev.timbre.engines.VoiceActivityDetectors;
import dev.timbre.convai.knowledgebase.rag.AgentRetrieval;
import dev.timbre.convai.knowledgebase.rag.RagIndexRoutes;
import dev.timbre.convai.knowledgebase.rag.RagIndexService;
import dev.timbre.convai.mcpservers.McpServerRepository;
import dev.timbre.convai.mcpservers.McpServersRoutes;
import dev.timbre.convai.mcpservers.McpServersService;
import dev.timbre.convai.mcpservers.RemoteMcpTools;
import dev.timbre.convai.calling.PhoneCalling;
import dev.timbre.convai.phonenumbers.PhoneNumberRepository;
import dev.timbre.convai.phonenumbers.PhoneNumbersRoutes;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.retention.ConversationRetention;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.convai.secrets.SecretDependents;
import dev.timbre.convai.secrets.SecretRepository;
import dev.timbre.convai.secrets.SecretsRoutes;
import dev.timbre.convai.secrets.SecretsService;
import dev.timbre.convai.settings.SettingsRepository;
import dev.timbre.convai.settings.SettingsRoutes;
import dev.timbre.convai.settings.SettingsService;
import dev.timbre.convai.tools.ToolRepository;
import dev.timbre.convai.tools.ToolsRoutes;
import dev.timbre.convai.tools.ToolsService;
import dev.timbre.convai.postcall.PostCallProcessor;
import dev.timbre.convai.postcall.PostCallSetup;
import dev.timbre.convai.knowledgebase.AgentKnowledge;
import dev.timbre.convai.knowledgebase.AgentKnowledgeBaseRoutes;
import dev.timbre.convai.knowledgebase.KnowledgeBaseRepository;
import dev.timbre.convai.knowledgebase.KnowledgeBaseRoutes;
import dev.timbre.convai.knowledgebase.KnowledgeBaseService;
import dev.timbre.convai.knowledgebase.PromptDocuments;
import dev.timbre.convai.knowledgebase.UrlPages;
import dev.timbre.convai.knowledgebase.extract.ExtractionLimits;
import dev.timbre.convai.llm.ConfiguredLanguageModels;
import dev.timbre.convai.llmusage.LlmPrices;
import dev.timbre.convai.llmusage.LlmUsage;
import dev.timbre.convai.llmusage.LlmUsageRoutes;
import dev.timbre.convai.tools.HttpWebhookTools;
import dev.timbre.dubbing.DubbingRoutes;
import dev.timbre.dubbing.DubbingService;
import dev.timbre.dubbing.DubbingSetup;
import dev.timbre.outbound.OutboundAllowList;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundPolicy;
import dev.timbre.outbound.OutboundTransport;
import dev.timbre.forcedalignment.ForcedAlignmentRoutes;
import dev.timbre.speechtospeech.SpeechToSpeechRoutes;
import dev.timbre.speechtospeech.SpeechToSpeechService;
import dev.timbre.speechtospeech.VoiceChangerProvider;
import dev.timbre.forcedalignment.ForcedAlignmentService;
import dev.timbre.health.HealthRoutes;
import dev.timbre.history.HistoryRepository;
import dev.timbre.history.HistoryRoutes;
import dev.timbre.history.HistoryService;
import dev.timbre.pronunciationdictionaries.PronunciationDictionariesRoutes;
import dev.timbre.pronunciationdictionaries.PronunciationDictionariesService;
import dev.timbre.pronunciationdictionaries.PronunciationDictionaryRepository;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.ApiServer;
import dev.timbre.http.RequestTracking;
import dev.timbre.models.ModelsRoutes;
import dev.timbre.models.ModelsService;
import dev.timbre.openai.OpenAiSpeechRoutes;
import dev.timbre.openai.OpenAiTranscriptionRoutes;
import dev.timbre.openai.OpenAiVoices;
import dev.timbre.similarvoices.SimilarVoicesRoutes;
import dev.timbre.similarvoices.SimilarVoicesService;
import dev.timbre.speech.SpeechScheduler;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.speechtotext.SpeechToTextRoutes;
import dev.timbre.speechtotext.SpeechToTextService;
import dev.timbre.speechtotext.realtime.RealtimeRoutes;
import dev.timbre.speechtotext.TranscriptRepository;
import dev.timbre.cluster.ClusterNode;
import dev.timbre.storage.BlobStore;
import dev.timbre.storage.BlobStores;
import dev.timbre.texttodialogue.DialogueChecks;
import dev.timbre.texttodialogue.TextToDialogueRoutes;
import dev.timbre.texttodialogue.TextToDialogueService;
import dev.timbre.texttospeech.TextToSpeechRoutes;
import dev.timbre.texttospeech.TextToSpeechService;
import dev.timbre.texttospeech.TextToSpeechSocketRoutes;
import dev.timbre.texttovoice.LanguageModelReader;
import dev.timbre.texttovoice.TextToVoiceRoutes;
import dev.timbre.texttovoice.TextToVoiceService;
import dev.timbre.user.CharacterStats;
import dev.timbre.user.CharacterStatsRepository;
import dev.timbre.user.UsageRepository;
import dev.timbre.user.UsageRoutes;
import dev.timbre.user.UserRoutes;
import dev.timbre.user.UserService;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.PreviewRoutes;
import dev.timbre.voices.VoiceFitting;
import dev.timbre.voices.VoicePreviews;
import dev.timbre.voices.VoiceRepository;
import dev.timbre.voices.VoiceSamples;
import dev.timbre.voices.VoicesRoutes;
import dev.timbre.voices.VoicesService;
import dev.timbre.voices.pvc.ProfessionalCloning;
import dev.timbre.workspace.ApiKeyRepository;
import dev.timbre.workspace.BootstrapKey;
import dev.timbre.workspace.ServiceAccountRepository;
import dev.timbre.workspace.ServiceAccountsRoutes;
import dev.timbre.workspace.ServiceAccountsService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds a server from its configuration, in order: engines → database and blob store → repositories → services →
 * durable-job kinds → routes → HTTP, then the start-up catch-ups (jobs' pending rows, the orphan-blob sweep). The one
 * list of route mounts is here. What it builds is owned by the {@link Timbre} it returns; when a step fails, what was
 * opened so far is closed and the error thrown. Called once per server, on the caller's thread.
 */
final class ServerAssembly {
    private ServerAssembly() {}

    static Timbre assemble(TimbreConfig config, dev.timbre.config.SipSettings sip, NodeRole role) throws IOException {
        java.time.Instant started = java.time.Instant.now();
        dev.timbre.tracing.Tracing tracing = dev.timbre.tracing.Tracing.start(System.getenv()); // bad OTEL_* fails here, first
        DataDir.prepare(config.dataDir());
        EngineCatalog engines = EngineCatalog.configured(config); // loading on its own threads from here
        Database database = Database.open(config.database(), config.dataDir());
        // durable jobs (speech-to-text webhooks, post-call work): features register their kinds below, started last
        Jobs jobs = new Jobs(database.dataSource(), JobSettings.fromEnv(System.getenv()));
        try {
            BlobStore blobs = BlobStores.open(config.storage(), config.dataDir());
            ClusterNode node = ClusterNode.join(database.jdbi(), config.dataDir(), Clock.systemUTC());
            ApiKeyRepository keys = new ApiKeyRepository(database.jdbi());
            BootstrapKey.install(keys, config.apiKey(), config.dataDir());
            ModelCatalog models = new ModelCatalog(engines, config.engines().textToSpeech(), config.models());
            AgentsService agents = new AgentsService(new AgentRepository(database.jdbi()), Clock.systemUTC());
            HistoryService history = new HistoryService(new HistoryRepository(database.jdbi()), blobs, Clock.systemUTC());
            VoiceRepository voiceRows = new VoiceRepository(database.jdbi());
            PremadeVoices premade = new PremadeVoices(engines, models, config.engines().textToSpeech());
            // Cloning and similar voices: samples → engine voice + shape; fingerprints against the previews.
            UploadDecoder voiceDecoder = new UploadDecoder();
            VoiceFitting fitting = new VoiceFitting(voiceDecoder, premade, engines::textToSpeech, config.engines().textToSpeech());
            VoicesService voices = new VoicesService(voiceRows, premade, new VoiceSamples(blobs), fitting);
            VoicePreviews previews = new VoicePreviews(premade, engines, blobs);
            SimilarVoicesService similarVoices = new SimilarVoicesService(voices, previews, voiceDecoder);
            UserService users = new UserService(new UsageRepository(database.jdbi()), config.account(),
                    () -> voiceRows.list().size(), Clock.systemUTC());
            SpeechScheduler synthesisSlots = new SpeechScheduler(config.limits().concurrentSynthesesOnThisMachine(), config.limits().synthesisQueue());
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SpeechSynthesizer speech = new SpeechSynthesizer(synthesisSlots, new dev.timbre.speech.SpeechMetrics(registry));
            // pronunciation dictionaries: applied by every synthesis through TextToSpeechService.prepare
            PronunciationDictionariesService dictionaries = new PronunciationDictionariesService(
                    new PronunciationDictionaryRepository(database.jdbi()), config.account().userId(), Clock.systemUTC());
            TextToSpeechService textToSpeech = new TextToSpeechService(voices, models, users, history, speech, dictionaries);
            TextToDialogueService textToDialogue = new TextToDialogueService(new DialogueChecks(textToSpeech, models), users, history, speech);
            registry.gauge("timbre.synthesis.queue", synthesisSlots, SpeechScheduler::waiting);
            SpeechToTextService speechToText = new SpeechToTextService(engines, models, config.engines().speechToText(),
                    new TranscriptRepository(database.jdbi()), blobs, config.webhooks().speechToText(), Clock.systemUTC(), jobs);
            VoicesRoutes voicesRoutes = new VoicesRoutes(voices, config.limits().maxUploadBytes());
            // professional voice cloning (/v1/voices/pvc); training fits with the same VoiceFitting as instant clones
            ProfessionalCloning pvc = new ProfessionalCloning(database.jdbi(), voiceRows, premade, new VoiceSamples(blobs), blobs,
                    fitting, speechToText::engine, config.engines().textToSpeech(), config.limits().maxUploadBytes(), jobs);
            pvc.attach(voices);
            ToolsService tools = new ToolsService(new ToolRepository(database.jdbi()), config.account().firstName(), Clock.systemUTC());
            SettingsService convaiSettings = new SettingsService(new SettingsRepository(database.jdbi()));
            SecretCipher cipher = SecretCipher.fromEnvOrFile(System.getenv(), config.dataDir().resolve("secrets.key"));
            dev.timbre.convai.secrets.SharedKeyCheck.verify(database.jdbi(), cipher);
            SecretsService secrets = new SecretsService(new SecretRepository(database.jdbi()), cipher,
                    SecretDependents.of(tools, agents, convaiSettings), Clock.systemUTC());
            PhoneNumbersService phoneNumbers = new PhoneNumbersService(new PhoneNumberRepository(database.jdbi()), agents, cipher, Clock.systemUTC());
            org.slf4j.LoggerFactory.getLogger(ServerAssembly.class).info("Agents: {}", config.llm().describe());
            OutboundHttp outbound = new OutboundHttp(new OutboundPolicy(OutboundAllowList.parse(config.network().outboundAllow())));
            org.slf4j.LoggerFactory.getLogger(ServerAssembly.class).info("User-supplied URLs may reach: {}", outbound.policy());
            ConfiguredLanguageModels languageModels = new ConfiguredLanguageModels(config.llm(), secrets::value, new OutboundTransport(outbound));
            // webhook tools' auth connections and the conversation initiation webhook, both read from the ConvAI settings
            var authConnections = new dev.timbre.convai.tools.auth.AuthConnections(() -> convaiSettings.settings().get(
                    dev.timbre.convai.tools.auth.AuthConnectionChecks.FIELD), secrets::value, outbound, Clock.systemUTC());
            HttpWebhookTools webhookTools = new HttpWebhookTools(secrets::value, outbound, authConnections);
            var initiationWebhook = new dev.timbre.convai.conversation.agent.InitiationWebhook(() -> convaiSettings.settings().get(
                    "conversation_initiation_client_data_webhook"), secrets::value, outbound, dev.timbre.convai.conversation.agent.InitiationWebhook.DEFAULT_TIMEOUT);
            // knowledge base (/v1/convai/knowledge-base) and LLM usage estimates; prompt-mode documents go into agents' prompts
            KnowledgeBaseRepository knowledgeRows = new KnowledgeBaseRepository(database.jdbi());
            KnowledgeBaseService knowledgeBase = new KnowledgeBaseService(knowledgeRows, agents,
                    new UrlPages(outbound, Duration.ofSeconds(10), 10 * 1024 * 1024), ExtractionLimits.DEFAULT,
                    config.account().userId(), config.account().firstName(), Clock.systemUTC());
            AgentKnowledge agentKnowledge = new AgentKnowledge(agents, knowledgeRows);
            PromptDocuments promptDocuments = PromptDocuments.of(knowledgeRows);
            // RAG: knowledge-base indexes (embedding engine loaded on first use) and agents' retrieval
            TextEmbeddings embeddings = TextEmbeddings.configured(config.engines().remoteEmbeddings(), config.dataDir());
            RagIndexService rag = new RagIndexService(database.jdbi(), embeddings, Clock.systemUTC(), jobs);
            AgentRetrieval knowledge = new AgentRetrieval(rag);
            ConversationAudio recordings = new ConversationAudio(blobs);
            ConversationRepository conversationRecords = new ConversationRepository(database.jdbi(), node.id());
            ConversationsService conversations = new ConversationsService(conversationRecords, recordings,
                    Clock.systemUTC());
            PostCallProcessor postCall = PostCallSetup.processor(database.jdbi(), config.webhooks(), convaiSettings, agents,
                    conversations, languageModels, recordings::open, Clock.systemUTC(), jobs);
            conversations.postCall(postCall);
            node.everySweep(conversations::failOrphaned);
            // MCP servers (/v1/convai/mcp-servers) and their tools in conversations: connect 5 s (a start waits ≤ 10 s for tool lists), each request 20 s, lists cached 60 s
            McpServersService mcpServers = new McpServersService(new McpServerRepository(database.jdbi()), secrets::value, outbound.policy(),
                    config.account().firstName(), config.account().userId(), Clock.systemUTC());
            RemoteMcpTools mcpTools = new RemoteMcpTools(mcpServers, secrets::value, outbound.policy(), Duration.ofSeconds(5),
                    Duration.ofSeconds(20), Duration.ofSeconds(60));
            // and conversation retention (agents' platform_settings.privacy): a pass now, then hourly
            ConversationRetention retention = new ConversationRetention(database.jdbi(), conversations, Clock.systemUTC(), Duration.ofHours(1)).start();
            // agents' stored config → runtime profiles (prompt documents, RAG, MCP tools, workflows), shared by
            // conversations, simulations and agent tests
            AgentProfiles profiles = new AgentProfiles(agents, tools, languageModels, promptDocuments, knowledge, mcpTools);
            VoiceActivityDetectors voiceActivity = VoiceActivityDetectors.load();
            ConversationVoices conversationVoices = new ConversationVoices(textToSpeech, speech, () -> voices.list().stream().findFirst().map(v -> v.voiceId()).orElse(null),
                    speechToText::engine, voiceActivity);

            // voice design (text-to-voice): previews over the engines' voices, saved as engine voice + shape
            TextToVoiceService textToVoice = new TextToVoiceService(premade, voices, voiceRows, database.jdbi(), blobs, engines, speech,
                    LanguageModelReader.forServer(config.llm(), languageModels), Clock.systemUTC());

            // music (/v1/music): the embedded composer (Gervill), lyrics through the speech layer, plans by the LLM or rules;
            // TIMBRE_MUSIC_URL forwards composing to a generative provider
            dev.timbre.music.MusicService music = new dev.timbre.music.MusicService(
                    dev.timbre.music.LanguageModelPlanner.forServer(config.llm(), languageModels),
                    dev.timbre.music.MusicService.lyricsVoice(textToSpeech, speech, () -> voices.list().stream().findFirst().map(v -> v.voiceId()).orElse(null)),
                    dev.timbre.music.RemoteMusic.fromEnv(System.getenv()).orElse(null));

            // dubbing (/v1/dubbing): extract → separate → transcribe → translate → voices → speak and fit → mix/mux, resumable
            DubbingService dubbing = DubbingSetup.service(database.jdbi(), blobs, engines::textToSpeech, config.engines().textToSpeech(), premade,
                    fitting, voiceDecoder, speechToText::engine, speech,
                    dev.timbre.translation.Translators.forServer(System.getenv(), config.llm(), languageModels), jobs, System.getenv(), Clock.systemUTC());

            // agent tests (/v1/convai/agent-testing, run-tests, test-invocations): one agent turn on the simulation's session, then a judge
            AgentTesting agentTesting = new AgentTesting(database.jdbi(), agents, tools, new SimulationService(agents,
                    profiles, languageModels, new ConversationAnalyser(Duration.ofSeconds(60)), Clock.systemUTC()),
                    jobs, Clock.systemUTC());

            // Studio projects (/v1/studio): chapters converted block by block through the speech layer in the background
            dev.timbre.studio.Studio studio = new dev.timbre.studio.Studio(database.jdbi(), blobs, textToSpeech, voices, models, dictionaries,
                    new UrlPages(outbound, Duration.ofSeconds(10), 10 * 1024 * 1024),
                    () -> voices.list().stream().findFirst().map(v -> v.voiceId()).orElse(null), config.limits().maxUploadBytes(),
                    jobs, Clock.systemUTC());

            // Audio Native (/v1/audio-native): articles as Studio projects, and the public embeddable player
            dev.timbre.audionative.AudioNative audioNative = new dev.timbre.audionative.AudioNative(studio, blobs, config.limits().maxUploadBytes());

            // the agent widget: its configuration (key optional), avatar and talk-to page; keyless overall feedback
            var widgetSignatures = new dev.timbre.convai.conversation.transport.ConversationSignatures(
                    cipher.derivedKey("conversation-signatures"), Clock.systemUTC(), new UsedGrantRepository(database.jdbi()));
            var widget = new dev.timbre.convai.widget.WidgetService(agents, blobs, widgetSignatures::valid);

            ApiKeyAuth auth = new ApiKeyAuth(keys);
            // agent and per-address limits counted cluster-wide (limits.counters); leases kept alive at every heartbeat
            var limitCounters = dev.timbre.cluster.counters.CounterStores.open(config.limits().counters(), database.jdbi(), database.isPostgres(), node.id(), Clock.systemUTC());
            node.everyBeat(limitCounters::refresh);
            ConversationAdmission admission = new ConversationAdmission(config.limits().concurrentConversations(),
                    config.limits().conversationConnectionsPerMinute(), Clock.systemUTC(), conversationRecords::countStartedSince, limitCounters);
            registry.gauge("timbre.conversations.active", admission, ConversationAdmission::active);
            registry.gauge("timbre.jobs.backlog", jobs, Jobs::backlog);
            ConversationRoutes conversationRoutes = new ConversationRoutes(agents, tools, profiles, webhookTools, mcpTools, conversations,
                    auth, registry, cipher.derivedKey("conversation-signatures"), new UsedGrantRepository(database.jdbi()), Clock.systemUTC(),
                    conversationVoices, admission, initiationWebhook);
            // phone calls: Twilio, SIP trunks (the user agent when SIP is on), outbound calls, batch calling
            PhoneCalling phone = PhoneCalling.start(sip, config.telephony(), database.jdbi(), phoneNumbers, agents,
                    conversationRoutes.runtime(), admission, cipher, node);
            // GET /openapi.json and /docs describe the routes of this very server (known once it has started)
            var serving = new java.util.concurrent.atomic.AtomicReference<ApiServer>();
            List<ApiServer.Mount> mounts = new java.util.ArrayList<>(List.of(
                    mount("/", new HealthRoutes(engines, database, registry, admission::draining)),
                    mount("/", new dev.timbre.apidocs.ApiDocsRoutes(() -> serving.get().routes())),
                    mount("/", new dev.timbre.webapp.WebAppRoutes(dev.timbre.webapp.WebAppFiles.configured(System.getenv()))),
                    mount("/v1/models", new ModelsRoutes(new ModelsService(models, engines))),
                    mount("/v1/voices/pvc", pvc.routes()),
                    mount("/v1/voices", voicesRoutes),
                    mount("/v2/voices", voicesRoutes.v2()),
                    mount("/v1/similar-voices", new SimilarVoicesRoutes(similarVoices, config.limits().maxUploadBytes())),
                    mount("/previews", new PreviewRoutes(previews)),
                    mount("/v1/text-to-speech", new TextToSpeechRoutes(textToSpeech)),
                    mount("/v1/text-to-speech", new TextToSpeechSocketRoutes(textToSpeech, auth)),
                    mount("/v1/audio", new OpenAiSpeechRoutes(textToSpeech, new OpenAiVoices(premade))),
                    mount("/v1/audio", new OpenAiTranscriptionRoutes(speechToText, config.limits().maxUploadBytes())),
                    mount("/v1/text-to-dialogue", new TextToDialogueRoutes(textToDialogue)),
                    mount("/v1/text-to-voice", new TextToVoiceRoutes(textToVoice)),
                    mount("/v1/music", new dev.timbre.music.MusicRoutes(music)),
                    mount("/v1/history", new HistoryRoutes(history)),
                    mount("/v1/studio/projects", studio.routes()),
                    mount("/v1/studio/podcasts", new dev.timbre.studio.podcasts.Podcasts(studio,
                            new UrlPages(outbound, Duration.ofSeconds(10), 10 * 1024 * 1024), voices,
                            dev.timbre.convai.llm.LanguageModelAnswers.firstConfigured(config.llm(), languageModels)
                                    .map(c -> c.model()).orElse(null)).routes()),
                    mount("/v1/audio-native", audioNative.routes()),
                    mount("/", audioNative.playerRoutes()),
                    mount("/v1/pronunciation-dictionaries", new PronunciationDictionariesRoutes(dictionaries, config.limits().maxUploadBytes())),
                    mount("/v1/speech-to-text", new SpeechToTextRoutes(speechToText, config.limits().maxUploadBytes(), outbound)),
                    mount("/v1/speech-to-text", new RealtimeRoutes(speechToText, auth)),
                    mount("/v1/speech-to-speech", new SpeechToSpeechRoutes(new SpeechToSpeechService(voices, models, speechToText, history,
                            VoiceChangerProvider.fromEnv(System.getenv())), config.limits().maxUploadBytes())),
                    mount("/v1/dubbing/resource", new dev.timbre.dubbing.DubbingResourceRoutes(dubbing.resource())),
                    mount("/v1/dubbing", new DubbingRoutes(dubbing, config.limits().maxUploadBytes(), outbound)),
                    mount("/v1/forced-alignment", new ForcedAlignmentRoutes(new ForcedAlignmentService(speechToText), config.limits().maxUploadBytes())),
                    // audio tools: noise suppression (or TIMBRE_AUDIO_ISOLATION_URL), procedural sound effects (or TIMBRE_SOUND_EFFECTS_URL)
                    mount("/v1/audio-isolation", new dev.timbre.audioisolation.AudioIsolationRoutes(new dev.timbre.audioisolation.AudioIsolationService(
                            config.limits().maxUploadBytes(), dev.timbre.audioisolation.RemoteAudioIsolation.fromEnv(System.getenv())), users,
                            config.limits().maxUploadBytes())),
                    mount("/v1/sound-generation", new dev.timbre.soundgeneration.SoundGenerationRoutes(new dev.timbre.soundgeneration.SoundGenerationService(
                            dev.timbre.soundgeneration.SoundEffectsProvider.fromEnv(System.getenv())), users)),
                    mount("/v1/user", new UserRoutes(users)),
                    mount("/v1/usage", new UsageRoutes(new CharacterStats(new CharacterStatsRepository(database.jdbi())))),
                    mount("/v1/service-accounts", new ServiceAccountsRoutes(new ServiceAccountsService(
                            new ServiceAccountRepository(database.jdbi()), keys, users, Clock.systemUTC()))),
                    mount("/v1/convai/agents", new AgentsRoutes(agents)),
                    mount("/v1/convai/agents", new SimulationRoutes(new SimulationService(agents, profiles, languageModels,
                            new ConversationAnalyser(Duration.ofSeconds(60)), Clock.systemUTC()))),
                    mount("/v1/convai/tools", new ToolsRoutes(tools)),
                    mount("/v1/convai/knowledge-base", new RagIndexRoutes(rag)),
                    mount("/v1/convai/secrets", new SecretsRoutes(secrets)),
                    mount("/v1/convai/settings", new SettingsRoutes(convaiSettings)),
                    mount("/v1/convai/mcp-servers", new McpServersRoutes(mcpServers, mcpTools)),
                    // phone numbers (Twilio, SIP trunk) as stored resources; secrets encrypted with the secrets key
                    mount("/v1/convai/phone-numbers", new PhoneNumbersRoutes(phoneNumbers)),
                    mount("/v1/convai/conversation", conversationRoutes),
                    mount("/v1/convai/conversations", new ConversationsRoutes(conversations, widget::publicFor)),
                    mount("/", new dev.timbre.convai.widget.WidgetRoutes(widget)),
                    mount("/v1/convai/agent-testing", agentTesting.testRoutes()),
                    mount("/v1/convai/agents", agentTesting.runTestsRoutes()),
                    mount("/v1/convai/test-invocations", agentTesting.invocationRoutes()),
                    mount("/v1/convai/knowledge-base", new KnowledgeBaseRoutes(knowledgeBase, config.limits().maxUploadBytes())),
                    mount("/v1/convai/agent", new AgentKnowledgeBaseRoutes(agentKnowledge)),
                    mount("/v1/convai", new LlmUsageRoutes(new LlmUsage(LlmPrices.bundled()), agentKnowledge)),
                    // Timbre's own status endpoint (not ElevenLabs'): engines, LLM providers and health for the Settings page
                    mount("/v1/timbre", new dev.timbre.serverstatus.ServerStatusRoutes(new dev.timbre.serverstatus.ServerStatusService(
                            engines, java.util.stream.Stream.concat(java.util.stream.Stream.of(config.engines().textToSpeech()),
                                    config.engines().extraTextToSpeech().stream()).toList(), config.engines().speechToText(),
                            voiceActivity, embeddings, config.engines().remoteEmbeddings() != null && config.engines().remoteEmbeddings().url() != null,
                            config.llm(), database)))));
            mounts.addAll(phone.routes());
            ApiServer server;
            try {
                server = ApiServer.start(config, new RequestTracking(registry), auth, role.mounts(mounts, m -> m.group() instanceof HealthRoutes));
            } catch (RuntimeException e) {
                phone.close(); // the SIP port and the batch job
                throw e;
            }
            serving.set(server);
            speechToText.resumePending();
            postCall.resumePending();
            jobs.start();
            // pending rows without a job (a re-queue that found the row's previous job still running): now and every sweep
            node.everySweep((self, silentSince, starting) -> {
                pvc.resumePending();
                rag.resumePending();
                agentTesting.resumePending();
            });
            phone.resumePending();
            dubbing.resumeRunning();
            studio.resumePending();
            DataDir.sweepOrphanBlobs(blobs, started, java.util.Map.of("history/", history::holdsBlob, "voices/", voices::holdsBlob,
                    "stt-jobs/", speechToText::holdsBlob, "convai/conversations/", conversations::holdsBlob, "pvc/", pvc::holdsBlob,
                    TextToVoiceService.BLOB_PREFIX, textToVoice::holdsBlob, dev.timbre.convai.widget.WidgetService.BLOB_PREFIX,
                    widget::holdsBlob, "dubbing/", dubbing::holdsBlob, dev.timbre.studio.Studio.BLOB_PREFIX, studio::holdsBlob));
            return new Timbre(database, engines, server, new Timbre.Services(voices, history, users, textToSpeech, speechToText,
                    agents, tools, secrets, convaiSettings,
                    languageModels, webhookTools, conversations, postCall, outbound, voiceActivity, conversationVoices, speech,
                    pvc, textToVoice, agentTesting, rag, mcpTools, retention, jobs, dubbing, studio), phone, admission, node, tracing);
        } catch (RuntimeException | IOException e) {
            tracing.close();
            jobs.close();
            database.close();
            engines.close();
            throw e;
        }
    }
}
