package dev.timbre.convai.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.sockets.SocketSender;
import dev.timbre.telephony.CallInfo;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio calls: answers the voice webhook with TwiML, turns a Media Stream's {@code start} into a
 * {@link TwilioMediaStream} running the agent, completes outbound calls from the status callback, and places them
 * ({@link #dialer}). A signature that does not verify with the number's auth token is a 403
 * {@code invalid_twilio_signature}; a number Timbre cannot answer (unknown, no agent, inbound off) gets a spoken
 * apology and a hang-up, never an error. Outbound calls pending are in the database ({@link PendingCalls}), so any
 * node of a cluster serves their stream and callback. Thread-safe; blocking (database, Twilio's API); {@link #close}
 * stops the poll for this node's calls.
 */
public final class TwilioService implements AutoCloseable {
    public static final String STREAM_PATH = "/twilio/media-stream";
    public static final String STATUS_PATH = "/twilio/status-callback";
    static final String TOKEN = "timbre_token";
    /** Custom stream parameters beyond ours that become dynamic variables: at most this many, each value cut to 1024 chars. */
    static final int MAX_PARAMETERS = 32;
    private static final Logger LOG = LoggerFactory.getLogger(TwilioService.class);

    private final PhoneNumbersService numbers;
    private final LineRunner runner;
    private final Supplier<String> newConversationIds;
    private final StreamGrants grants;
    private final TwilioApi api;
    private final String publicUrl;
    private final AtomicReference<String> seenOrigin = new AtomicReference<>();
    private final PendingCalls pending;

    /**
     * @param grantKey the key of stream grants (the server's {@code cipher.derivedKey("twilio-streams")})
     * @param settings Twilio's API base URL and this server's public URL (null: the origin requests arrive at)
     * @param spentGrants where spent stream grants are kept (the database, shared by a cluster's nodes)
     * @param jdbi where pending outbound calls are kept (shared by a cluster's nodes)
     * @param nodeId this cluster node: the owner of the outbound calls it places
     */
    public TwilioService(PhoneNumbersService numbers, LineRunner runner, Supplier<String> newConversationIds, byte[] grantKey,
                         TimbreConfig.Telephony settings, Clock clock, dev.timbre.convai.conversation.transport.UsedGrants spentGrants,
                         Jdbi jdbi, String nodeId) {
        this.numbers = numbers;
        this.runner = runner;
        this.newConversationIds = newConversationIds;
        this.grants = new StreamGrants(grantKey, clock, spentGrants);
        this.api = new TwilioApi(settings.twilioApiUrl());
        this.publicUrl = settings.publicUrl();
        this.pending = new PendingCalls(jdbi, nodeId, clock);
    }

    /** The dialer of {@code twilio} numbers, for {@code PhoneCalls}. */
    public TwilioDialer dialer() {
        return new TwilioDialer(this);
    }

    /**
     * The voice webhook: TwiML connecting the call to the stream at {@code origin} (or the configured public URL).
     *
     * @param url the URL Twilio requested (what it signed), {@code form} its POST parameters
     */
    String inboundCall(String url, Map<String, List<String>> form, String signature, String origin) {
        String callSid = one(form, "CallSid"), to = one(form, "To"), from = one(form, "From");
        if (callSid == null || to == null) throw ApiException.badRequest("invalid_twilio_request", "A Twilio voice webhook needs CallSid and To.");
        noteOrigin(origin);
        Optional<StoredPhoneNumber> found = numbers.byNumber(to).filter(p -> p.provider().equals(StoredPhoneNumber.TWILIO));
        if (found.isEmpty()) return TwiML.sayAndHangUp("Sorry, this number is not connected to an agent.");
        StoredPhoneNumber p = found.get();
        checkSignature(p, url, form, signature);
        if (!p.supportsInbound() || p.agentId() == null) return TwiML.sayAndHangUp("Sorry, this number is not taking calls.");
        String token = grants.sign(new StreamGrants.Grant("inbound", p.phoneNumberId(), p.agentId(), null, callSid, from, to));
        return TwiML.connectStream(streamUrl(publicUrl != null ? publicUrl : origin), Map.of(TOKEN, token));
    }

    /**
     * Twilio's status callback of an outbound call, on whichever node it reaches: a call never answered (busy,
     * no-answer, failed, canceled) is finished; a completed one too unless its stream's end was recorded first.
     */
    void statusCallback(String url, Map<String, List<String>> form, String signature, String conversationId) {
        PendingCallRepository.Row p = pending.get(conversationId);
        if (p == null) return; // finished already, or not ours: nothing to tell
        StoredPhoneNumber from;
        try {
            from = numbers.stored(p.phoneNumberId());
        } catch (ApiException e) {
            return; // the number was deleted: its signature cannot be checked (the call goes stale)
        }
        checkSignature(from, url, form, signature);
        String status = String.valueOf(one(form, "CallStatus"));
        String reason = "Twilio call status " + status;
        switch (status) {
            case "busy" -> pending.finish(conversationId, "busy", reason);
            case "no-answer" -> pending.finish(conversationId, "no_answer", reason);
            case "failed", "canceled" -> pending.finish(conversationId, "failed", reason);
            // normally the stream's end recorded it already; this covers a node that died while it ran the stream
            case "completed" -> pending.finish(conversationId, p.state().equals(PendingCallRepository.PLACED) ? "failed" : "completed",
                    p.state().equals(PendingCallRepository.PLACED) ? "the call ended before its media stream connected" : reason);
            default -> { }
        }
    }

    /**
     * A stream's {@code start}: checks its grant, builds the line and starts the agent on it. Null (and the socket
     * closed, the call hung up) when the grant is missing, forged, spent or for another call, or the agent refuses.
     */
    TwilioMediaStream startStream(JsonNode start, String streamSid, SocketSender out) {
        JsonNode custom = start.path("customParameters");
        Optional<StreamGrants.Grant> granted = grants.spend(custom.path(TOKEN).asText(null));
        String callSid = start.path("callSid").asText("");
        if (granted.isEmpty() || (granted.get().callSid() != null && !granted.get().callSid().equals(callSid))) {
            out.close(SocketSender.POLICY, "This stream was not opened by Timbre's TwiML.");
            return null;
        }
        StreamGrants.Grant g = granted.get();
        StoredPhoneNumber p;
        try {
            p = numbers.stored(g.phoneNumberId());
        } catch (ApiException e) {
            out.close(SocketSender.POLICY, "The phone number was deleted.");
            return null;
        }
        Map<String, String> extra = new LinkedHashMap<>();
        custom.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(TOKEN) && e.getValue().isValueNode() && extra.size() < MAX_PARAMETERS) {
                String v = e.getValue().asText();
                extra.put(e.getKey(), v.length() > 1024 ? v.substring(0, 1024) : v);
            }
        });
        CallInfo info = new CallInfo(StoredPhoneNumber.TWILIO, g.direction(), callSid, streamSid, g.from(), g.to(), extra);
        TwilioMediaStream line = new TwilioMediaStream(out, info, new RestControl(api, account(p), callSid, p.phoneNumber()));
        PendingCallRepository.Row call = "outbound".equals(g.direction()) ? pending.get(g.conversationId()) : null;
        ObjectNode initiation = call != null && call.initiation().isObject() ? (ObjectNode) call.initiation().deepCopy() : Json.MAPPER.createObjectNode();
        if (!extra.isEmpty()) {
            ObjectNode vars = initiation.path("dynamic_variables").isObject() ? (ObjectNode) initiation.get("dynamic_variables") : initiation.putObject("dynamic_variables");
            extra.forEach(vars::put);
        }
        if (call != null) {
            pending.streamStarted(g.conversationId());
            line.ended().thenAccept(reason -> pending.finish(g.conversationId(), "completed", reason));
        }
        try {
            runner.start(line, g.agentId(), p.phoneNumberId(), initiation, g.conversationId());
            return line;
        } catch (PhoneConversations.Refused | RuntimeException e) {
            if (e instanceof RuntimeException) LOG.warn("Twilio call {}: the agent could not start", callSid, e);
            pending.finish(g.conversationId(), "failed", e.getMessage());
            line.hangUp();
            return null;
        }
    }

    // ---- outbound, for TwilioDialer

    PendingCalls pending() { return pending; }

    TwilioApi api() { return api; }

    StreamGrants grants() { return grants; }

    String newConversationId() { return newConversationIds.get(); }

    /** Where Twilio reaches this server: the configured public URL, else the origin of the latest request; null if neither. */
    String publicBase() {
        return publicUrl != null ? publicUrl : seenOrigin.get();
    }

    void noteOrigin(String origin) {
        if (origin != null) seenOrigin.set(origin);
    }

    static String streamUrl(String base) {
        return base.replaceFirst("^https://", "wss://").replaceFirst("^http://", "ws://") + STREAM_PATH;
    }

    TwilioApi.Account account(StoredPhoneNumber p) {
        ObjectNode s = numbers.secrets(p);
        return new TwilioApi.Account(s.path("sid").asText(""), s.path("token").asText(""));
    }

    private void checkSignature(StoredPhoneNumber p, String url, Map<String, List<String>> form, String signature) {
        String token = account(p).token();
        // Twilio signs the URL as it was configured: with or without the scheme's default port
        String other = url.matches("^https://[^/]+:443/.*") ? url.replaceFirst(":443/", "/") : url.matches("^http://[^/]+:80/.*") ? url.replaceFirst(":80/", "/") : null;
        if (!TwilioSignature.valid(token, url, form, signature) && (other == null || !TwilioSignature.valid(token, other, form, signature))) {
            throw ApiException.forbidden("invalid_twilio_signature", "The request's X-Twilio-Signature does not match.");
        }
    }

    private static String one(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
    }

    /** Stops the poll for outcomes of this node's outbound calls (their futures then wait no more). */
    @Override
    public void close() {
        pending.close();
    }

    /** The line's REST side: transfer blocks on Twilio's answer, hang-up runs on a daemon thread of its own. */
    /** How long a warm transfer's destination may ring (Twilio's {@code Timeout}). */
    static final long TRANSFER_RING_SECONDS = 30;

    private record RestControl(TwilioApi api, TwilioApi.Account account, String callSid, String ourNumber) implements TwilioMediaStream.Control {
        @Override
        public void transfer(String number) throws TwilioApi.Refused {
            api.updateCall(account, callSid, Map.of("Twiml", TwiML.dial(number)));
        }

        /**
         * The destination is called first and the caller redirected only once it answered: a refusal, busy, no answer
         * or a failed call leaves the caller with the agent (polled every half second, up to the ring time and 5 s).
         */
        @Override
        public void conference(String number, String name, String operatorText) throws TwilioApi.Refused {
            Map<String, String> call = new LinkedHashMap<>();
            call.put("To", number);
            call.put("From", ourNumber);
            call.put("Timeout", Long.toString(TRANSFER_RING_SECONDS));
            call.put("Twiml", TwiML.sayThenConference(operatorText, name));
            String operatorSid = api.createCall(account, call);
            awaitAnswer(operatorSid);
            try {
                api.updateCall(account, callSid, Map.of("Twiml", TwiML.conference(name)));
            } catch (TwilioApi.Refused e) {
                try {
                    api.updateCall(account, operatorSid, Map.of("Status", "canceled"));
                } catch (TwilioApi.Refused ignored) {
                    LOG.info("Twilio call {}: the transfer's call {} could not be cancelled", callSid, operatorSid);
                }
                throw e;
            }
        }

        private void awaitAnswer(String operatorSid) throws TwilioApi.Refused {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(TRANSFER_RING_SECONDS + 5);
            String status = "";
            while (System.nanoTime() < deadline) {
                status = api.callStatus(account, operatorSid);
                switch (status) {
                    case "in-progress" -> { return; }
                    case "busy", "no-answer", "failed", "canceled", "completed" ->
                            throw new TwilioApi.Refused("The transfer destination did not answer (" + status + ").");
                    default -> { }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                api.updateCall(account, operatorSid, Map.of("Status", "canceled"));
            } catch (TwilioApi.Refused ignored) {
                LOG.info("Twilio call {}: the unanswered transfer call {} could not be cancelled", callSid, operatorSid);
            }
            throw new TwilioApi.Refused("The transfer destination did not answer within " + TRANSFER_RING_SECONDS + " s.");
        }

        @Override
        public void hangUp() {
            TwilioMediaStream.daemon("twilio-hang-up", () -> {
                try {
                    api.updateCall(account, callSid, Map.of("Status", "completed"));
                } catch (TwilioApi.Refused e) {
                    LOG.info("Twilio call {}: hang-up refused: {}", callSid, e.getMessage());
                }
            });
        }
    }
}
