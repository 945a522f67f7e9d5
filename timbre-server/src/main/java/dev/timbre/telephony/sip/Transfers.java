package dev.timbre.telephony.sip;

import dev.timbre.telephony.PhoneLine.TransferFailed;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.Dialog;
import javax.sip.address.SipURI;
import javax.sip.message.Request;

/**
 * Blind transfer by REFER (RFC 3515): the peer must accept it (202) and report the new call's success in a NOTIFY
 * ({@code message/sipfrag} {@code SIP/2.0 200}); a refusal, a failing sipfrag or 10 s without either fails it.
 * Thread-safe; at most one transfer waits per call.
 */
final class Transfers {
    private static final Pattern SIPFRAG = Pattern.compile("^SIP/2\\.0\\s+(\\d{3})");
    private static final Map<SipCall, CompletableFuture<Integer>> waiting = new ConcurrentHashMap<>();

    private Transfers() {}

    static void refer(SipEndpoint sip, SipCall call, String number) throws TransferFailed {
        Dialog d = call.dialog;
        if (d == null || d.getState() != javax.sip.DialogState.CONFIRMED) throw new TransferFailed("the call is not connected");
        CompletableFuture<Integer> result = new CompletableFuture<>();
        if (waiting.putIfAbsent(call, result) != null) throw new TransferFailed("a transfer is already in progress");
        try {
            String uri = number.startsWith("sip:") ? number : "sip:" + number + "@" + peerHost(d);
            Request refer = d.createRequest(Request.REFER);
            refer.addHeader(sip.headers.createReferToHeader(sip.addresses.createAddress(uri)));
            d.sendRequest(sip.provider.getNewClientTransaction(refer));
            int status = result.get(10, TimeUnit.SECONDS);
            if (status < 200 || status >= 300) throw new TransferFailed("the transfer was refused (" + status + ")");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TransferFailed("the transfer was not confirmed in time");
        } catch (TransferFailed e) {
            throw e;
        } catch (Exception e) {
            throw new TransferFailed("the transfer could not be requested: " + e.getMessage());
        } finally {
            waiting.remove(call, result);
        }
    }

    /** The REFER's final response: ≥ 300 fails the transfer; 202 waits for the NOTIFY. */
    static void response(SipCall call, int status) {
        if (call == null || status < 300) return;
        CompletableFuture<Integer> f = waiting.get(call);
        if (f != null) f.complete(status);
    }

    /** A NOTIFY in the call's dialog: a final sipfrag status completes the transfer. */
    static void notified(SipCall call, Request notify) {
        if (call == null || notify.getRawContent() == null) return;
        Matcher m = SIPFRAG.matcher(new String(notify.getRawContent(), StandardCharsets.UTF_8).strip());
        if (!m.find()) return;
        int status = Integer.parseInt(m.group(1));
        CompletableFuture<Integer> f = waiting.get(call);
        if (f != null && status >= 200) f.complete(status);
    }

    private static String peerHost(Dialog d) {
        if (d.getRemoteTarget() != null && d.getRemoteTarget().getURI() instanceof SipURI u) {
            return u.getPort() > 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
        }
        return ((SipURI) d.getRemoteParty().getURI()).getHost();
    }
}
