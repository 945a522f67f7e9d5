package dev.timbre.telephony.sip;

import dev.timbre.telephony.CallInfo;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places calls: an INVITE with Timbre's SDP offer to {@code sip:<to>@<trunk>}, the trunk's digest challenge (401/407)
 * answered once with the trunk's credentials, ringing cancelled after the ring timeout, 200 OK → ACK, media and the
 * caller's {@link SipInbound.Answer}; any other final response ends the attempt with its status. Thread-safe.
 */
public final class OutboundInvites {
    private static final Logger log = LoggerFactory.getLogger(OutboundInvites.class);

    private final SipEndpoint sip;
    private final Map<String, Outgoing> pending = new ConcurrentHashMap<>();

    OutboundInvites(SipEndpoint sip) {
        this.sip = sip;
    }

    /**
     * A call to place.
     *
     * @param to the number (user part) or a full {@code sip:} URI to call
     * @param trunk the trunk's {@code host[:port]} ({@code sip:} prefix allowed)
     * @param transport {@code udp} or {@code tcp}
     * @param from the calling number (the From user)
     * @param username digest user name for the trunk's challenge, null for none ({@code password} with it)
     * @param extraHeaders headers to add to the INVITE
     */
    public record Dial(String to, String trunk, String transport, String from, String username, String password,
                       Map<String, String> extraHeaders) {}

    /** The far end's answer, or why there was none: {@code status} 200 when answered; {@code reason} how the call ended. */
    public record Outcome(int status, String reason) {
        public boolean answered() { return status >= 200 && status < 300; }
    }

    /** A call the trunk is handling: its {@code Call-ID} and the outcome once over (never exceptionally). */
    public record Placed(String callId, CompletableFuture<Outcome> finished) {}

    /** The INVITE could not be sent (bad address, no RTP port, the trunk not reachable). */
    public static final class Refused extends Exception {
        public Refused(String message) { super(message); }
    }

    /** One outbound attempt; the application data of its client transactions. */
    final class Outgoing {
        final Dial dial;
        final SipCall call;
        final SipInbound.Answer onAnswer;
        final CompletableFuture<Outcome> finished = new CompletableFuture<>();
        final CompletableFuture<Integer> firstResponse = new CompletableFuture<>();
        volatile ClientTransaction tx;
        volatile boolean challenged;
        volatile boolean answered;
        ScheduledFuture<?> ring;

        Outgoing(Dial dial, SipCall call, SipInbound.Answer onAnswer) {
            this.dial = dial;
            this.call = call;
            this.onAnswer = onAnswer;
        }

        UserCredentials credentials() {
            if (dial.username() == null) return null;
            return new UserCredentials() {
                @Override public String getUserName() { return dial.username(); }
                @Override public String getPassword() { return dial.password(); }
                @Override public String getSipDomain() { return host(dial.trunk()); }
            };
        }

        void finish(int status, String reason) {
            if (ring != null) ring.cancel(false);
            firstResponse.complete(status);
            pending.remove(call.info().callId());
            if (!answered) call.end(reason);
            finished.complete(new Outcome(status, reason));
        }
    }

    /**
     * Sends the INVITE and waits (≤ 5 s) for the trunk's first response; {@code onAnswer} runs on a worker when the
     * far end answers (a {@link SipInbound.Rejected} there hangs up).
     */
    Placed dial(Dial d, SipInbound.Answer onAnswer) throws Refused {
        return dial(d, onAnswer, sip.setup.ringTimeout());
    }

    /** As {@link #dial(Dial, SipInbound.Answer)}, cancelled when it rings longer than {@code ringTimeout}. */
    Placed dial(Dial d, SipInbound.Answer onAnswer, java.time.Duration ringTimeout) throws Refused {
        String transport = d.transport() == null || d.transport().equals("auto") ? "udp" : d.transport();
        if (!transport.equals("udp") && !transport.equals("tcp")) throw new Refused("Transport " + transport + " is not supported; use udp or tcp.");
        RtpSession rtp = sip.openRtp();
        if (rtp == null) throw new Refused("No RTP port is free.");
        try {
            String callId = sip.provider.getNewCallId().getCallId();
            SipURI target = target(d, transport);
            SipURI fromUri = sip.addresses.createSipURI(d.from(), sip.setup.publicHost());
            Address fromAddr = sip.addresses.createAddress(fromUri);
            Address toAddr = sip.addresses.createAddress(target);
            ViaHeader via = sip.headers.createViaHeader(sip.setup.publicHost(), sip.setup.port(), transport, null);
            Request invite = sip.messages.createRequest(target, Request.INVITE, sip.headers.createCallIdHeader(callId),
                    sip.headers.createCSeqHeader(1L, Request.INVITE),
                    sip.headers.createFromHeader(fromAddr, Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())),
                    sip.headers.createToHeader(toAddr, null), List.of(via), sip.headers.createMaxForwardsHeader(70),
                    sip.headers.createContentTypeHeader("application", "sdp"), Sdp.offer(sip.setup.publicHost(), rtp.localPort()));
            SipURI contact = sip.addresses.createSipURI(d.from(), sip.setup.publicHost());
            contact.setPort(sip.setup.port());
            contact.setTransportParam(transport);
            invite.addHeader(sip.headers.createContactHeader(sip.addresses.createAddress(contact)));
            for (var h : d.extraHeaders().entrySet()) invite.addHeader(sip.headers.createHeader(h.getKey(), h.getValue()));
            CallInfo info = new CallInfo("sip_trunk", "outbound", callId, null, d.from(), d.to(), Map.of());
            SipCall call = new SipCall(info, sip, rtp);
            call.via = d;
            Outgoing o = new Outgoing(d, call, onAnswer);
            ClientTransaction ct = sip.provider.getNewClientTransaction(invite);
            ct.setApplicationData(o);
            o.tx = ct;
            call.dialog = ct.getDialog();
            pending.put(callId, o);
            sip.calls.put(callId, call);
            o.ring = sip.clock.schedule(() -> cancel(o), ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
            ct.sendRequest();
            try {
                o.firstResponse.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                o.finish(Response.REQUEST_TIMEOUT, "the trunk did not respond");
                throw new Refused("The SIP trunk did not respond.");
            } catch (Exception e) {
                throw new Refused("The call could not be placed.");
            }
            return new Placed(callId, o.finished);
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException | IllegalArgumentException e) {
            rtp.close();
            throw new Refused("The call could not be placed: " + e.getMessage());
        }
    }

    private SipURI target(Dial d, String transport) throws java.text.ParseException {
        SipURI uri;
        if (d.to().startsWith("sip:")) {
            uri = (SipURI) sip.addresses.createURI(d.to());
        } else {
            String trunk = d.trunk().startsWith("sip:") ? d.trunk().substring(4) : d.trunk();
            uri = (SipURI) sip.addresses.createURI("sip:" + d.to() + "@" + trunk);
        }
        uri.setTransportParam(transport);
        return uri;
    }

    private static String host(String trunk) {
        String t = trunk.startsWith("sip:") ? trunk.substring(4) : trunk;
        int colon = t.lastIndexOf(':');
        return colon > 0 && !t.endsWith("]") ? t.substring(0, colon) : t;
    }

    /** Cancels the call {@code callId} if it is still ringing; its {@code finished} follows (487, or 408 after 5 s). */
    void abandon(String callId) {
        Outgoing o = pending.get(callId);
        if (o != null) cancel(o);
    }

    private void cancel(Outgoing o) {
        if (o.answered || o.finished.isDone()) return;
        try {
            sip.provider.getNewClientTransaction(o.tx.createCancel()).sendRequest();
        } catch (Exception e) {
            log.debug("CANCEL failed: {}", e.toString());
        }
        sip.clock.schedule(() -> o.finish(Response.REQUEST_TIMEOUT, "no answer"), 5, TimeUnit.SECONDS);
    }

    void response(ResponseEvent evt) {
        Response r = evt.getResponse();
        Outgoing o = pending.get(((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId());
        if (o == null) return;
        int status = r.getStatusCode();
        if (status < 200) {
            o.firstResponse.complete(status);
            return;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) && !o.challenged && o.dial.username() != null
                && evt.getClientTransaction() != null) {
            o.challenged = true;
            try {
                ClientTransaction next = sip.authHelper.handleChallenge(r, evt.getClientTransaction(), sip.provider, 5);
                next.setApplicationData(o);
                o.tx = next;
                o.call.dialog = next.getDialog();
                next.sendRequest();
                return;
            } catch (Exception e) {
                log.debug("digest answer failed: {}", e.toString());
            }
        }
        o.firstResponse.complete(status);
        if (status >= 300) {
            o.finish(status, status + " " + r.getReasonPhrase());
            return;
        }
        if (o.answered) return; // a retransmitted 200 OK: the stack re-sends the ACK
        o.answered = true;
        if (o.ring != null) o.ring.cancel(false);
        try {
            javax.sip.Dialog dialog = evt.getDialog() != null ? evt.getDialog() : evt.getClientTransaction().getDialog();
            o.call.dialog = dialog;
            dialog.sendAck(dialog.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
            Sdp.Media media = Sdp.negotiate(r.getRawContent() == null ? null : new String(r.getRawContent(), StandardCharsets.UTF_8));
            o.call.startMedia(media);
        } catch (Sdp.Unusable e) {
            sip.bye(o.call);
            o.answered = false;
            o.finish(Response.NOT_ACCEPTABLE_HERE, "the answer's media cannot be used: " + e.getMessage());
            return;
        } catch (Exception e) {
            sip.bye(o.call);
            o.answered = false;
            o.finish(Response.SERVER_INTERNAL_ERROR, "the answer could not be acknowledged");
            return;
        }
        pending.remove(o.call.info().callId());
        o.call.endedFuture().thenAccept(reason -> o.finished.complete(new Outcome(200, reason)));
        sip.workers.execute(() -> {
            try {
                o.onAnswer.answer(o.call);
            } catch (SipInbound.Rejected | RuntimeException e) {
                log.info("outbound SIP call {} answered but not run: {}", o.call.info().callId(), e.getMessage());
                o.call.hangUp();
            }
        });
    }

    void timeout(ClientTransaction ct) {
        if (ct.getApplicationData() instanceof Outgoing o && !o.answered) o.finish(Response.REQUEST_TIMEOUT, "the trunk did not answer");
    }
}
