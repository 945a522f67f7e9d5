package dev.timbre.telephony.sip;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.CallIdHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timbre's SIP user agent: a JAIN-SIP stack listening on UDP and TCP, answering INVITEs through {@link SipInbound}
 * ({@link InboundInvites}), placing calls ({@link OutboundInvites}), and carrying each call's BYE, CANCEL, REFER and
 * NOTIFY, and warm transfers ({@link WarmTransfers}: a second call bridged to the first). SIP events arrive on the stack's threads and are handed to a bounded worker pool where they may block; RTP
 * runs on the calls' own threads and a shared 20 ms clock. Thread-safe; {@link #close} hangs up every call and stops
 * the stack.
 */
public final class SipEndpoint implements SipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    final SipSetup setup;
    final SipStack stack;
    final SipProvider provider;
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final AuthenticationHelper authHelper;
    final RtpPorts rtpPorts;
    final DigestAuth digest = new DigestAuth(Clock.systemUTC());
    final ScheduledExecutorService clock;
    final ThreadPoolExecutor workers;
    final Map<String, SipCall> calls = new ConcurrentHashMap<>();
    private final InboundInvites inbound;
    final OutboundInvites outbound;
    final WarmTransfers warmTransfers;

    private SipEndpoint(SipSetup setup, SipInbound routing) throws Exception {
        this.setup = setup;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "timbre-sip-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipStackLog.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipStackLog.Messages.class.getName());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "256");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "2000");
        this.stack = factory.createSipStack(p);
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        try {
            ListeningPoint udp = stack.createListeningPoint(setup.bindHost(), setup.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(setup.bindHost(), setup.port(), ListeningPoint.TCP);
            udp.setSentBy(setup.publicHost() + ":" + setup.port());
            tcp.setSentBy(setup.publicHost() + ":" + setup.port());
            this.provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addSipListener(this);
            this.authHelper = ((SipStackExt) stack).getAuthenticationHelper((tx, realm) -> credentials(tx), headers);
            this.rtpPorts = new RtpPorts(setup.rtpMin(), setup.rtpMax(), InetAddress.getByName(setup.bindHost()));
            this.clock = Executors.newScheduledThreadPool(4, daemon("sip-rtp-clock", Thread.MAX_PRIORITY));
            this.workers = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), daemon("sip-worker"));
            workers.allowCoreThreadTimeOut(true);
            this.inbound = new InboundInvites(this, routing);
            this.outbound = new OutboundInvites(this);
            this.warmTransfers = new WarmTransfers(this);
            stack.start();
        } catch (Exception e) {
            stack.stop();
            throw e;
        }
    }

    /** Starts a user agent on {@code setup}'s port (UDP and TCP); {@code routing} decides who answers incoming calls. */
    public static SipEndpoint start(SipSetup setup, SipInbound routing) throws Exception {
        SipEndpoint e = new SipEndpoint(setup, routing);
        log.info("SIP listening on {}:{} (UDP, TCP), advertised as {}, RTP ports {}-{}", setup.bindHost(), setup.port(),
                setup.publicHost(), setup.rtpMin(), setup.rtpMax());
        return e;
    }

    /** Places an outbound call; see {@link OutboundInvites#dial}. */
    public OutboundInvites.Placed dial(OutboundInvites.Dial dial, SipInbound.Answer onAnswer) throws OutboundInvites.Refused {
        return outbound.dial(dial, onAnswer);
    }

    /** Calls in progress. */
    public int activeCalls() { return calls.size(); }

    public SipSetup setup() { return setup; }

    private static UserCredentials credentials(ClientTransaction tx) {
        return tx.getApplicationData() instanceof OutboundInvites.Outgoing o ? o.credentials() : null;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return daemon(name, Thread.NORM_PRIORITY);
    }

    /**
     * Daemon threads named {@code name-N} at {@code priority}. A Java priority reaches the operating system only where
     * the JVM maps it ({@code -XX:ThreadPriorityPolicy=1}, which {@code ./timbre serve} passes when it runs as root:
     * {@link Thread#MAX_PRIORITY} is then nice −5); elsewhere it is a hint the JVM ignores.
     */
    static java.util.concurrent.ThreadFactory daemon(String name, int priority) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    /** An RTP session on a free port of the range, or null when none is free. */
    RtpSession openRtp() {
        DatagramSocket s = rtpPorts.open();
        return s == null ? null : new RtpSession(s, clock, setup.rtpTimeout());
    }

    void forget(SipCall call) {
        calls.remove(call.info().callId(), call);
    }

    /** Sends BYE on the call's dialog, when it has a confirmed one; errors are logged, not thrown. */
    void bye(SipCall call) {
        Dialog d = call.dialog;
        if (d == null || d.getState() == null || d.getState() == javax.sip.DialogState.TERMINATED) return;
        try {
            Request bye = d.createRequest(Request.BYE);
            d.sendRequest(provider.getNewClientTransaction(bye));
        } catch (SipException e) {
            log.debug("BYE on {} failed: {}", call.info().callId(), e.toString());
        }
    }

    /** REFERs the call's peer to {@code number} and waits for it to be taken; see {@link Transfers}. */
    void transfer(SipCall call, String number) throws dev.timbre.telephony.PhoneLine.TransferFailed {
        Transfers.refer(this, call, number);
    }

    @Override
    public void processRequest(RequestEvent evt) {
        Request r = evt.getRequest();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        try {
            switch (r.getMethod()) {
                case Request.INVITE -> {
                    if (evt.getDialog() != null && calls.containsKey(callId)) respond(evt, Response.OK, null); // re-INVITE: keep media as is
                    else inbound.invite(evt);
                }
                case Request.ACK -> { }
                case Request.BYE -> {
                    respond(evt, Response.OK, null);
                    SipCall c = calls.get(callId);
                    if (c != null) c.end(c.info().inbound() ? "the caller hung up" : "the called party hung up");
                }
                case Request.CANCEL -> inbound.cancel(evt);
                case Request.NOTIFY -> {
                    respond(evt, Response.OK, null);
                    Transfers.notified(calls.get(callId), r);
                }
                case Request.OPTIONS -> respond(evt, Response.OK, null);
                default -> respond(evt, Response.METHOD_NOT_ALLOWED, null);
            }
        } catch (RejectedExecutionException e) {
            respond(evt, Response.SERVICE_UNAVAILABLE, null);
        } catch (RuntimeException e) {
            log.warn("SIP {} failed", r.getMethod(), e);
        }
    }

    /** A stateless-enough reply on the event's (possibly new) server transaction. */
    void respond(RequestEvent evt, int status, ServerTransaction st) {
        try {
            ServerTransaction t = st != null ? st : evt.getServerTransaction();
            if (t == null) t = provider.getNewServerTransaction(evt.getRequest());
            t.sendResponse(messages.createResponse(status, evt.getRequest()));
        } catch (Exception e) {
            log.debug("SIP response {} failed: {}", status, e.toString());
        }
    }

    @Override
    public void processResponse(ResponseEvent evt) {
        Response r = evt.getResponse();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        if (cseq == null) return;
        if (Request.INVITE.equals(cseq.getMethod())) outbound.response(evt);
        else if (Request.REFER.equals(cseq.getMethod())) Transfers.response(calls.get(((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId()), r.getStatusCode());
    }

    @Override
    public void processTimeout(TimeoutEvent evt) {
        if (!evt.isServerTransaction() && evt.getClientTransaction() != null) outbound.timeout(evt.getClientTransaction());
    }

    @Override public void processIOException(IOExceptionEvent evt) {
        log.debug("SIP I/O error towards {}:{} ({})", evt.getHost(), evt.getPort(), evt.getTransport());
    }

    @Override public void processTransactionTerminated(TransactionTerminatedEvent evt) {}

    @Override public void processDialogTerminated(DialogTerminatedEvent evt) {}

    @Override
    public void close() {
        for (SipCall c : calls.values()) c.drop("the server is closing");
        workers.shutdownNow();
        clock.shutdownNow();
        try {
            stack.deleteSipProvider(provider);
        } catch (Exception e) {
            log.debug("SIP provider close: {}", e.toString());
        }
        stack.stop();
    }
}
