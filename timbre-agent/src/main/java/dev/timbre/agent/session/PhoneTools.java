package dev.timbre.agent.session;

import static dev.timbre.agent.session.SystemTools.text;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The call-only system tools, acting through the transport's {@link PhoneControl}; without one (not a phone call)
 * each answers the LLM with an error. Results are the specification's result models as JSON text
 * ({@code transfer_to_number_*_success}, {@code play_dtmf_success}, {@code voicemail_detection_success}, {@code *_error}).
 * Loop thread only; a transfer runs on the loop's blocking pool and posts back.
 */
final class PhoneTools {
    static final Pattern TONES = Pattern.compile("[0-9*#wW]{1,64}");
    static final String NOT_A_PHONE_CALL = " tool is only available in phone calls; this conversation is not a phone call.";

    private final ConversationSession session;
    private final SessionLoop loop;

    PhoneTools(ConversationSession session, SessionLoop loop) {
        this.session = session;
        this.loop = loop;
    }

    /**
     * {@code transfer_to_number}: {@code transfer_number} must be one of the rules' destinations; the
     * {@code client_message} is said (unless {@code enable_client_message} is false), then the call is transferred with
     * the rule's {@code transfer_type}. Success ends the call; a refusal is an error result and the call goes on.
     */
    SystemTools.Effect transfer(AgentTool tool, Map<String, Object> args, Consumer<SystemTools.Effect> later) {
        if (session.phone() == null) return SystemTools.Effect.reply(error("transfer_to_number", "The transfer_to_number" + NOT_A_PHONE_CALL));
        String wanted = text(args.get("transfer_number"));
        List<Map<?, ?>> rules = rules(tool.params().get("transfers"));
        Map<?, ?> rule = wanted == null ? null : rules.stream().filter(r -> same(destination(r), wanted)).findFirst().orElse(null);
        if (rule == null) {
            return SystemTools.Effect.reply(error("transfer_to_number", "transfer_number must be one of the configured destinations: "
                    + rules.stream().map(PhoneTools::destination).filter(d -> d != null).toList()));
        }
        String destination = destination(rule);
        String type = rule.get("transfer_type") == null ? "conference" : rule.get("transfer_type").toString();
        String clientMessage = text(args.get("client_message"));
        if (!Boolean.FALSE.equals(tool.params().get("enable_client_message")) && clientMessage != null && !clientMessage.isBlank()) {
            session.say(clientMessage);
        }
        String provider = session.phone().provider();
        String agentMessage = text(args.get("agent_message")) == null ? "" : text(args.get("agent_message"));
        call(destination, type, agentMessage, (conference, failure) -> {
            if (failure != null) {
                later.accept(new SystemTools.Effect(error("transfer_to_number", failure), true, false, null));
                return;
            }
            Map<String, Object> r = success("sip_trunk".equals(provider) ? "transfer_to_number_sip_success" : "transfer_to_number_twilio_success");
            r.put("transfer_number", destination);
            r.put("reason", text(args.get("reason")));
            if (!"sip_trunk".equals(provider)) {
                r.put("client_message", clientMessage);
                r.put("agent_message", agentMessage);
                r.put("conference_name", conference == null ? "" : conference);
            }
            r.put("note", "conference".equals(type)
                    ? "Transferred with a conference transfer: the destination heard the agent message and was joined with the caller."
                    : "Transferred with a " + type + " transfer.");
            String reason = transferredReason(destination);
            later.accept(new SystemTools.Effect(new ToolStage.Result(JsonText.write(r), false, true, null), false, true, null, reason));
            if (session.running()) session.endCall(reason); // the turn was interrupted meanwhile: the call still ended
        });
        return new SystemTools.Effect(null, false, false, null);
    }

    /**
     * Transfers the call to {@code destination} once the caller heard what the agent said before, off the loop; then
     * {@code done} on the loop with the conference name (or null) and null (transferred), or null and why not.
     * Nothing happens when the session ended first.
     */
    void call(String destination, String type, String agentMessage, BiConsumer<String, String> done) {
        PhoneControl phone = session.phone();
        session.afterSpeech(() -> {
            if (!session.running()) return;
            loop.executeBlocking(() -> {
                String failure;
                String conference = null;
                try {
                    conference = phone.transfer(destination, type, agentMessage);
                    failure = null;
                } catch (PhoneControl.Failed f) {
                    failure = "The transfer failed: " + f.getMessage();
                } catch (RuntimeException e) {
                    failure = "The transfer failed: " + e.getMessage();
                }
                String result = failure;
                String name = conference;
                loop.execute(() -> done.accept(name, result));
            });
        });
    }

    /** {@code play_keypad_touch_tone}: {@code dtmf_tones} is sent after the agent's words so far; the agent then listens. */
    SystemTools.Effect tones(Map<String, Object> args) {
        PhoneControl phone = session.phone();
        if (phone == null) return SystemTools.Effect.reply(error("play_dtmf", "The play_keypad_touch_tone" + NOT_A_PHONE_CALL));
        String tones = text(args.get("dtmf_tones"));
        if (tones == null || !TONES.matcher(tones).matches()) {
            return SystemTools.Effect.reply(error("play_dtmf", "dtmf_tones must be 1 to 64 of the characters 0-9, *, #, w (0.5 s pause) and W (1 s pause)."));
        }
        session.afterSpeech(() -> {
            if (session.running()) phone.sendDigits(tones);
        });
        Map<String, Object> r = success("play_dtmf_success");
        r.put("dtmf_tones", tones);
        r.put("reason", text(args.get("reason")));
        return new SystemTools.Effect(new ToolStage.Result(JsonText.write(r), false, true, null), false, false, null);
    }

    /** {@code voicemail_detection}: the tool's {@code voicemail_message} (if any) is said, then the call ends. */
    SystemTools.Effect voicemail(AgentTool tool, Map<String, Object> args) {
        if (session.phone() == null) return SystemTools.Effect.reply(error("voicemail_detection", "The voicemail_detection" + NOT_A_PHONE_CALL));
        String message = session.variables().render(text(tool.params().get("voicemail_message")));
        if (message != null && !message.isBlank()) session.say(message);
        Map<String, Object> r = success("voicemail_detection_success");
        r.put("voicemail_message", message == null || message.isBlank() ? null : message);
        r.put("reason", text(args.get("reason")));
        return new SystemTools.Effect(new ToolStage.Result(JsonText.write(r), false, true, null), false, true, null, VOICEMAIL_REASON);
    }

    static final String VOICEMAIL_REASON = "voicemail_detection tool was called: voicemail detected.";

    static String transferredReason(String destination) { return "Call transferred to " + destination + "."; }

    /** A rule's or a workflow node's {@code transfer_destination} (or the deprecated {@code phone_number}); null if none. */
    static String destination(Map<?, ?> rule) {
        Object d = rule.get("transfer_destination");
        if (d instanceof Map<?, ?> dest) {
            Object v = "sip_uri".equals(dest.get("type")) ? dest.get("sip_uri") : dest.get("phone_number");
            if (v != null && !v.toString().isBlank()) return v.toString().trim();
        }
        Object old = rule.get("phone_number");
        return old == null || old.toString().isBlank() ? null : old.toString().trim();
    }

    /** Phone numbers match without their formatting (spaces, dashes, dots, brackets); SIP URIs case-insensitively. */
    private static boolean same(String configured, String wanted) {
        if (configured == null) return false;
        return canonical(configured).equalsIgnoreCase(canonical(wanted));
    }

    private static String canonical(String number) {
        String s = number.trim();
        return s.regionMatches(true, 0, "sip", 0, 3) ? s : s.replaceAll("[\\s().-]", "");
    }

    private static List<Map<?, ?>> rules(Object transfers) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (transfers instanceof List<?> l) for (Object o : l) if (o instanceof Map<?, ?> m) out.add(m);
        return out;
    }

    private static Map<String, Object> success(String resultType) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("result_type", resultType);
        r.put("status", "success");
        return r;
    }

    private static ToolStage.Result error(String tool, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("result_type", tool + "_error");
        r.put("status", "error");
        r.put("error", message);
        r.put("details", null);
        return ToolStage.Result.error(JsonText.write(r));
    }
}
