package dev.timbre.telephony.sip;

import dev.timbre.telephony.CallInfo;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers INVITEs: 100 Trying at once, then on a worker thread: the route ({@link SipInbound}: 404 when none), digest
 * authentication when the route has a user name (401 challenge), the SDP offer (488 without PCMU/PCMA, 400 when
 * malformed), an RTP port (503 when none), 180 Ringing, the route's answer (its {@link SipInbound.Rejected} status),
 * and 200 OK with Timbre's SDP answer, media starting at once. A CANCEL before the answer gets 487. Thread-safe.
 */
final class InboundInvites {
    private static final Logger log = LoggerFactory.getLogger(InboundInvites.class);
    /** More calls than this at once are answered 503. */
    static final int MAX_CALLS = 500;

    private final SipEndpoint sip;
    private final SipInbound routing;
    private final Map<String, ServerTransaction> ringing = new ConcurrentHashMap<>();

    InboundInvites(SipEndpoint sip, SipInbound routing) {
        this.sip = sip;
        this.routing = routing;
    }

    /** On a SIP thread: creates the transaction, says 100 Trying, hands the rest to a worker. */
    void invite(RequestEvent evt) {
        ServerTransaction st = evt.getServerTransaction();
        try {
            if (st == null) st = sip.provider.getNewServerTransaction(evt.getRequest());
            st.sendResponse(sip.messages.createResponse(Response.TRYING, evt.getRequest()));
        } catch (javax.sip.TransactionAlreadyExistsException e) {
            return; // a retransmission
        } catch (Exception e) {
            log.debug("INVITE not taken: {}", e.toString());
            return;
        }
        ServerTransaction tx = st;
        try {
            String source = evt instanceof gov.nist.javax.sip.RequestEventExt x ? x.getRemoteIpAddress() : null;
            sip.workers.execute(() -> answer(evt.getRequest(), tx, source));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            send(tx, Response.SERVICE_UNAVAILABLE, null, null);
        }
    }

    void cancel(RequestEvent evt) {
        sip.respond(evt, Response.OK, null);
        ServerTransaction st = ringing.remove(((CallIdHeader) evt.getRequest().getHeader(CallIdHeader.NAME)).getCallId());
        if (st != null) send(st, Response.REQUEST_TERMINATED, null, null);
    }

    private void answer(Request req, ServerTransaction st, String source) {
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        CallInfo info = new CallInfo("sip_trunk", "inbound", callId, null, user(((FromHeader) req.getHeader(FromHeader.NAME)).getAddress().getURI()),
                called(req), extras(req));
        SipInbound.Route route = routing.route(info, source);
        if (route == null) {
            send(st, Response.NOT_FOUND, null, null);
            return;
        }
        if (route.username() != null && !sip.digest.verify(req, route.username(), route.password())) {
            challenge(st, req);
            return;
        }
        Sdp.Media media;
        try {
            media = Sdp.negotiate(req.getRawContent() == null ? null : new String(req.getRawContent(), StandardCharsets.UTF_8));
        } catch (Sdp.Unusable e) {
            send(st, e.noCommonCodec() ? Response.NOT_ACCEPTABLE_HERE : Response.BAD_REQUEST, null, null);
            return;
        }
        RtpSession rtp = sip.calls.size() >= MAX_CALLS ? null : sip.openRtp();
        if (rtp == null) {
            send(st, Response.SERVICE_UNAVAILABLE, null, null);
            return;
        }
        String tag = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        ringing.put(callId, st);
        SipCall call = new SipCall(info, sip, rtp);
        call.via = route.transfers() != null ? route.transfers() : viaPeer(req, info);
        if (!send(st, Response.RINGING, tag, null)) {
            ringing.remove(callId);
            rtp.close();
            return;
        }
        try {
            sip.calls.put(callId, call);
            call.dialog = st.getDialog();
            route.answer().answer(call);
        } catch (SipInbound.Rejected e) {
            log.info("SIP call {} to {} refused: {}", callId, info.to(), e.getMessage());
            sip.calls.remove(callId);
            rtp.close();
            if (ringing.remove(callId) != null) send(st, e.status(), tag, null);
            return;
        } catch (RuntimeException e) {
            log.warn("SIP call {} could not start", callId, e);
            sip.calls.remove(callId);
            rtp.close();
            if (ringing.remove(callId) != null) send(st, Response.SERVER_INTERNAL_ERROR, tag, null);
            return;
        }
        if (ringing.remove(callId) == null) { // cancelled while the call was being set up
            call.end("the caller hung up before the answer");
            return;
        }
        if (call.endedFuture().isDone()) { // hung up by the agent side before it was answered
            send(st, Response.TEMPORARILY_UNAVAILABLE, tag, null);
            return;
        }
        if (!send(st, Response.OK, tag, Sdp.answer(sip.setup.publicHost(), rtp.localPort(), media.codec(), media.events()))) {
            call.end("the answer could not be sent");
            return;
        }
        call.startMedia(media);
    }

    /** Warm transfers of a call with no trunk of its own go back to where it came from: its Contact, its transport. */
    private static OutboundInvites.Dial viaPeer(Request req, CallInfo info) {
        String transport = ((javax.sip.header.ViaHeader) req.getHeader(javax.sip.header.ViaHeader.NAME)).getTransport().toLowerCase();
        String host = null;
        if (req.getHeader(ContactHeader.NAME) instanceof ContactHeader c && c.getAddress().getURI() instanceof SipURI u) {
            host = u.getPort() > 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
        }
        return host == null ? null : new OutboundInvites.Dial(null, host, transport, info.to() == null ? "timbre" : info.to(), null, null, Map.of());
    }

    private void challenge(ServerTransaction st, Request req) {
        try {
            Response r = sip.messages.createResponse(Response.UNAUTHORIZED, req);
            WWWAuthenticateHeader w = sip.headers.createWWWAuthenticateHeader("Digest");
            w.setRealm(DigestAuth.REALM);
            w.setNonce(sip.digest.nonce());
            w.setAlgorithm("MD5");
            w.setQop("auth");
            r.addHeader(w);
            st.sendResponse(r);
        } catch (Exception e) {
            log.debug("401 not sent: {}", e.toString());
        }
    }

    /** Sends a response with Timbre's To tag and Contact; false when it could not be sent. */
    private boolean send(ServerTransaction st, int status, String tag, String sdp) {
        try {
            Response r = sip.messages.createResponse(status, st.getRequest());
            if (tag != null) ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(tag);
            if (status < 300 && status > 100) {
                SipURI contact = sip.addresses.createSipURI(null, sip.setup.publicHost());
                contact.setPort(sip.setup.port());
                String transport = ((javax.sip.header.ViaHeader) st.getRequest().getHeader(javax.sip.header.ViaHeader.NAME)).getTransport();
                contact.setTransportParam(transport.toLowerCase());
                ContactHeader c = sip.headers.createContactHeader(sip.addresses.createAddress(contact));
                r.addHeader(c);
            }
            if (sdp != null) r.setContent(sdp, sip.headers.createContentTypeHeader("application", "sdp"));
            st.sendResponse(r);
            return true;
        } catch (Exception e) {
            log.debug("SIP {} not sent: {}", status, e.toString());
            return false;
        }
    }

    /** The number called: the Request-URI's user, else the To header's. */
    private static String called(Request req) {
        String u = user(req.getRequestURI());
        return u != null ? u : user(((ToHeader) req.getHeader(ToHeader.NAME)).getAddress().getURI());
    }

    static String user(URI uri) {
        if (uri instanceof SipURI s) return s.getUser();
        if (uri instanceof javax.sip.address.TelURL t) return t.getPhoneNumber();
        return null;
    }

    /** Selected {@code X-} headers (at most 16, each ≤ 256 characters) for the call's parameters. */
    private static Map<String, String> extras(Request req) {
        Map<String, String> out = new HashMap<>();
        for (var it = req.getHeaderNames(); it.hasNext() && out.size() < 16; ) {
            String name = (String) it.next();
            if (!name.regionMatches(true, 0, "X-", 0, 2)) continue;
            Header h = req.getHeader(name);
            String v = h.toString().substring(h.toString().indexOf(':') + 1).strip();
            if (v.length() <= 256) out.put(name, v);
        }
        return out;
    }
}
