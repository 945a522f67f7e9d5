package dev.timbre.convai.conversation.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.session.ExecutorSessionLoop;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.voice.VoiceConversation;
import dev.timbre.agent.voice.VoiceEngines;
import dev.timbre.convai.conversation.admission.CallLimits;
import dev.timbre.convai.conversation.admission.ConversationAdmission;
import dev.timbre.convai.conversation.agent.Initiation;
import dev.timbre.convai.conversation.agent.InitiationWebhook;
import dev.timbre.convai.conversation.speech.ConversationVoices;
import dev.timbre.convai.conversation.speech.VoiceConfig;
import dev.timbre.convai.conversation.transport.ConversationRecorder;
import dev.timbre.convai.conversation.transport.ConversationRuntime;
import dev.timbre.convai.conversation.transport.ConversationSetup;
import dev.timbre.convai.conversations.ConversationStart;
import dev.timbre.convai.conversations.PhoneCallRecord;
import dev.timbre.convai.recording.RecordingPolicy;
import dev.timbre.http.Json;
import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.PhoneLine;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs agents on phone lines: the voice pipeline of the conversation socket with μ-law 8 kHz both ways, the line's
 * audio as user audio, the agent's audio played on the line, barge-in clearing it, the end hanging it up
 * ({@link PhoneCall}). Calls count against the same admission (agent and server call limits) as web conversations;
 * the workspace's initiation webhook is asked for a call without initiation data when the agent enables it.
 * Thread-safe; {@link #start} blocks (database, the initiation webhook, engine preparation): call it off a
 * carrier's I/O thread.
 */
public final class PhoneConversations {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneConversations.class);
    /** Both directions of a phone call: G.711 μ-law at 8 kHz. */
    static final String PHONE_FORMAT = "ulaw_8000";

    private final ConversationRuntime runtime;
    private final ConversationAdmission admission;

    public PhoneConversations(ConversationRuntime runtime, ConversationAdmission admission) {
        this.runtime = runtime;
        this.admission = admission;
    }

    /** A call that cannot be run (unknown agent, the server's or agent's call limits, bad initiation data). */
    public static final class Refused extends Exception {
        public Refused(String message) { super(message); }
    }

    /**
     * Starts {@code agentId}'s conversation on {@code line} and opens the line.
     *
     * @param phoneNumberId the imported number the call is on (for the record)
     * @param initiation {@code conversation_initiation_client_data} ({@code dynamic_variables}, overrides…); empty
     *        or null for none. {@code system__caller_id} and {@code system__called_number} come from {@link PhoneLine#info()}
     * @param conversationId a reserved id, or null for a new one
     * @return the conversation id
     * @throws Refused when the call cannot run; the line is left unopened for the carrier to reject
     */
    public String start(PhoneLine line, String agentId, String phoneNumberId, JsonNode initiation, String conversationId) throws Refused {
        CallInfo info = line.info();
        String id = conversationId != null ? conversationId : ConversationSetup.newConversationId();
        JsonNode agentConfig = agentId == null ? null : runtime.profiles().config(agentId).orElse(null);
        if (agentConfig == null) throw new Refused("The AI agent you are trying to reach does not exist.");
        if (runtime.voices() == null) throw new Refused("Voice conversations are not available on this server.");
        Initiation init = initiation(agentId, agentConfig, initiation, info);
        ConversationAdmission.Ticket ticket;
        try {
            ticket = admission.admit(agentId, CallLimits.of(agentConfig), null);
        } catch (ConversationAdmission.Refused r) {
            throw new Refused(r.getMessage());
        }
        try {
            return run(line, agentId, phoneNumberId, agentConfig, init, id, ticket);
        } catch (Refused | RuntimeException e) {
            ticket.close();
            throw e;
        }
    }

    private Initiation initiation(String agentId, JsonNode agentConfig, JsonNode given, CallInfo info) throws Refused {
        JsonNode data = given == null || given.isNull() ? Json.MAPPER.createObjectNode() : given;
        if (data.isEmpty() && InitiationWebhook.enabledFor(agentConfig)) {
            try {
                data = runtime.initiationWebhook().fetch(new InitiationWebhook.Caller(info.from(), agentId, info.to(), info.callId())).orElse(data);
            } catch (InitiationWebhook.Failed f) {
                throw new Refused(f.getMessage());
            }
        }
        try {
            return Initiation.check(data, agentConfig);
        } catch (Initiation.Refused r) {
            throw new Refused(r.getMessage());
        }
    }

    private String run(PhoneLine line, String agentId, String phoneNumberId, JsonNode agentConfig, Initiation init, String id,
                       ConversationAdmission.Ticket ticket) throws Refused {
        CallInfo info = line.info();
        SessionConfig config = ConversationSetup.sessionConfig(runtime, agentId, agentConfig, id, init, false, info.from(), info.to())
                .withPhoneCall(info.from(), info.to(), "twilio".equals(info.provider()) ? info.callId() : null);
        ObjectNode cc = agentConfig.path("conversation_config").deepCopy();
        cc.with("asr").put("user_input_audio_format", PHONE_FORMAT);
        cc.with("tts").put("agent_output_audio_format", PHONE_FORMAT);
        VoiceConfig voice;
        VoiceEngines engines;
        try {
            voice = VoiceConfig.read(cc, init.raw().path("conversation_config_override"), config.agent().language());
            engines = runtime.voices().engines(voice, id);
        } catch (IllegalArgumentException e) {
            throw new Refused("This agent's audio settings are not supported: " + e.getMessage());
        } catch (ConversationVoices.Unavailable e) {
            throw new Refused(e.getMessage());
        }
        ConversationRecorder recorder = new ConversationRecorder(runtime, id);
        RecordingPolicy.forConversation(agentConfig, false).ifPresent(recorder::record);
        Map<String, Object> vars = dev.timbre.agent.session.DynamicVariables.at(config, agentId, runtime.clock().instant(),
                runtime.clock().instant()).values();
        recorder.log(log -> log.started(new ConversationStart(id, agentId, agentConfig.path("name").asText(""), init.userId(),
                runtime.clock().instant(), false, info.provider(), null, "public", init.recorded(vars), config.agent().language(),
                PhoneCallRecord.of(info.provider(), info.direction(), phoneNumberId, info.from(), info.to(), info.callId(), info.streamId()))));
        PhoneCall call = new PhoneCall(id, line, recorder, ticket::close, engines.speech());
        var loop = new ExecutorSessionLoop(id, runtime.clock(), e -> {
            LOG.error("phone conversation {} failed", id, e);
            call.fail("Internal error: " + e.getMessage());
        }, recorder.tracedTasks());
        VoiceConversation session = new VoiceConversation(config, voice.settings(), engines, loop, call, runtime.toolRunner(), runtime.profiles());
        call.attach(session);
        line.open(call);
        session.start(Duration.ZERO);
        LOG.info("phone conversation {}: {} call {} from {} to {} on {}", id, info.direction(), info.callId(), info.from(), info.to(), phoneNumberId);
        return id;
    }
}
