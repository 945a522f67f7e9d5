package dev.timbre.convai.calling;

import static dev.timbre.http.ApiServer.mount;

import dev.timbre.cluster.ClusterNode;
import dev.timbre.config.SipSettings;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.batchcalling.BatchCallRepository;
import dev.timbre.convai.batchcalling.BatchCallingRoutes;
import dev.timbre.convai.batchcalling.BatchCallsService;
import dev.timbre.convai.batchcalling.BatchDispatcher;
import dev.timbre.convai.conversation.admission.ConversationAdmission;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.conversation.transport.ConversationRuntime;
import dev.timbre.convai.conversation.transport.ConversationSetup;
import dev.timbre.convai.phonecalls.OutboundCalls;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.convai.siptrunk.SipTrunk;
import dev.timbre.convai.siptrunk.SipTrunkRoutes;
import dev.timbre.convai.siptrunk.SipTrunkService;
import dev.timbre.convai.twilio.TwilioOutboundCalls;
import dev.timbre.convai.twilio.TwilioRoutes;
import dev.timbre.convai.twilio.TwilioService;
import dev.timbre.http.ApiServer.Mount;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The agents platform's phone side, assembled: calls run agents through the conversation runtime and admission
 * ({@link PhoneConversations}); Twilio (voice webhook, Media Streams, REST API), the SIP user agent when
 * {@link SipSettings} turn it on, outbound calls through a {@link PhoneDialer} per provider, and batch calling (a durable
 * job, {@code TIMBRE_BATCH_CALL_CONCURRENCY} calls at once on each node). Whatever another node needs (a Twilio call's
 * pending data, which node runs a batch call) is in the database, keyed by the {@link ClusterNode}'s id. {@link #start} starts the SIP listener and the batch
 * dispatcher; {@link #resumePending} picks up batches left by a previous run once the routes are served;
 * {@link #close} stops both. Thread-safe.
 */
public final class PhoneCalling implements AutoCloseable {
    private final List<Mount> routes;
    private final SipTrunk sipTrunk;
    private final BatchDispatcher batchCalls;
    private final TwilioService twilio;
    private final ClusterNode node;

    private PhoneCalling(List<Mount> routes, SipTrunk sipTrunk, BatchDispatcher batchCalls, TwilioService twilio, ClusterNode node) {
        this.routes = routes;
        this.sipTrunk = sipTrunk;
        this.batchCalls = batchCalls;
        this.twilio = twilio;
        this.node = node;
    }

    public static PhoneCalling start(SipSettings sip, TimbreConfig.Telephony telephony, Jdbi jdbi, PhoneNumbersService numbers,
                                     AgentsService agents, ConversationRuntime runtime, ConversationAdmission admission, SecretCipher cipher,
                                     ClusterNode node) {
        PhoneConversations conversations = new PhoneConversations(runtime, admission);
        TwilioService twilio = new TwilioService(numbers, conversations::start, ConversationSetup::newConversationId,
                cipher.derivedKey("twilio-streams"), telephony, Clock.systemUTC(),
                new dev.timbre.convai.conversation.transport.UsedGrantRepository(jdbi), jdbi, node.id());
        SipTrunk sipTrunk = SipTrunk.start(sip, numbers, conversations);
        List<PhoneDialer> dialers = new ArrayList<>(sipTrunk.dialers());
        dialers.add(twilio.dialer());
        PhoneCalls calls = new PhoneCalls(dialers);
        OutboundCalls outbound = new OutboundCalls(numbers, agents, calls);
        BatchCallRepository batchRows = new BatchCallRepository(jdbi);
        BatchDispatcher batchCalls;
        try {
            batchCalls = new BatchDispatcher(batchRows, calls, numbers::stored, Clock.systemUTC(),
                    BatchDispatcher.concurrencyFrom(System.getenv()), Duration.ofSeconds(1), node.id()).start();
        } catch (RuntimeException e) {
            sipTrunk.close();
            twilio.close();
            throw e;
        }
        List<Mount> routes = List.of(
                // Twilio: voice webhook, Media Streams socket, status callback, outbound calls
                mount("/", new TwilioRoutes(twilio, new TwilioOutboundCalls(outbound, twilio))),
                mount("/v1/convai/sip-trunk", new SipTrunkRoutes(new SipTrunkService(outbound))),
                mount("/v1/convai/batch-calling", new BatchCallingRoutes(new BatchCallsService(batchRows, batchCalls, agents, numbers,
                        Clock.systemUTC()))));
        return new PhoneCalling(routes, sipTrunk, batchCalls, twilio, node);
    }

    /** The phone endpoints to serve. */
    public List<Mount> routes() { return routes; }

    /**
     * Batches that were running or scheduled when the server stopped go on: the calls this node's previous run left
     * live are failed now, those of nodes that go silent at every cluster sweep.
     */
    public void resumePending() { node.everySweep(batchCalls::failOrphaned); }

    /** The SIP side (its endpoint absent when SIP is off). */
    public SipTrunk sipTrunk() { return sipTrunk; }

    @Override
    public void close() {
        sipTrunk.close();
        batchCalls.close();
        twilio.close();
    }
}
