package dev.timbre.agent.session;

import dev.timbre.agent.tools.AgentTool;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The built-in system tools. Loop thread only, except the agent lookup of {@code transfer_to_agent}, which runs
 * off the loop and posts back. The call-only tools are {@link PhoneTools}'.
 */
final class SystemTools {
    /**
     * What a system tool does to the turn.
     *
     * @param result the result now, or null when it comes later through the completion callback
     * @param needsReply the LLM continues with the result
     * @param endCall the call ends after this round
     * @param farewell end_call's {@code message}, said before ending; null for none
     * @param endReason the session's termination reason when {@code endCall}; null: end_call's
     */
    record Effect(ToolStage.Result result, boolean needsReply, boolean endCall, String farewell, String endReason) {
        Effect(ToolStage.Result result, boolean needsReply, boolean endCall, String farewell) {
            this(result, needsReply, endCall, farewell, null);
        }

        static Effect reply(ToolStage.Result r) { return new Effect(r, true, false, null); }

        /** Only a result: the flags were given when the tool started. */
        static Effect only(ToolStage.Result r) { return new Effect(r, false, false, null); }
    }

    private final ConversationSession session;
    private final SessionLoop loop;
    private final AgentDirectory directory;
    private final PhoneTools phone;

    SystemTools(ConversationSession session, SessionLoop loop, AgentDirectory directory) {
        this.session = session;
        this.loop = loop;
        this.directory = directory;
        this.phone = new PhoneTools(session, loop);
    }

    /** Runs {@code tool}; an effect that comes later (result null now) is given to {@code later} on the loop. */
    Effect run(AgentTool tool, Map<String, Object> args, Consumer<Effect> later) {
        String type = tool.systemType();
        return switch (type) {
            case "end_call" -> new Effect(ToolStage.Result.ok("The call will end now."), false, true, text(args.get("message")));
            case "skip_turn" -> new Effect(ToolStage.Result.ok("Skipped the turn; waiting for the user."), false, false, null);
            case "language_detection" -> Effect.reply(language(text(args.get("language"))));
            case "transfer_to_agent" -> transfer(tool, args, later);
            case "transfer_to_number" -> phone.transfer(tool, args, later);
            case "play_keypad_touch_tone" -> phone.tones(args);
            case "voicemail_detection" -> phone.voicemail(tool, args);
            case WorkflowStage.TRANSITION -> session.workflow().transition(tool);
            default -> Effect.reply(ToolStage.Result.error("System tool '" + type + "' is not supported."));
        };
    }

    private ToolStage.Result language(String code) {
        if (code == null || code.isBlank()) return ToolStage.Result.error("The language argument is required.");
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (String allowed : session.agent().languages()) {
            String a = allowed.toLowerCase(Locale.ROOT);
            if (a.equals(wanted) || a.startsWith(wanted + "-") || wanted.startsWith(a + "-")) {
                session.switchLanguage(allowed);
                return ToolStage.Result.ok("Switched the conversation language to " + allowed + ".");
            }
        }
        return ToolStage.Result.error("Language '" + code + "' is not available for this agent; available: " + session.agent().languages());
    }

    @SuppressWarnings("unchecked")
    private Effect transfer(AgentTool tool, Map<String, Object> args, Consumer<Effect> later) {
        List<Object> transfers = tool.params().get("transfers") instanceof List<?> l ? (List<Object>) l : List.of();
        int n = args.get("agent_number") instanceof Number num ? num.intValue() : -1;
        if (n < 0 || n >= transfers.size() || !(transfers.get(n) instanceof Map<?, ?> rule)) {
            return Effect.reply(ToolStage.Result.error("agent_number must be between 0 and " + (transfers.size() - 1) + "."));
        }
        String agentId = text(rule.get("agent_id"));
        String message = text(rule.get("transfer_message"));
        boolean firstMessage = Boolean.TRUE.equals(rule.get("enable_transferred_agent_first_message"));
        if (agentId == null) return Effect.reply(ToolStage.Result.error("The transfer rule has no agent_id."));
        loop.executeBlocking(() -> {
            Optional<AgentProfile> found;
            try {
                found = directory.find(agentId);
            } catch (RuntimeException e) {
                found = Optional.empty();
            }
            Optional<AgentProfile> target = found;
            loop.execute(() -> {
                if (target.isEmpty()) {
                    later.accept(Effect.only(ToolStage.Result.error("Agent '" + agentId + "' could not be found.")));
                    return;
                }
                if (message != null && !message.isBlank()) session.say(message);
                session.switchAgent(target.get(), firstMessage);
                later.accept(Effect.only(ToolStage.Result.ok("Transferred the conversation to agent " + agentId + ".")));
            });
        });
        return new Effect(null, !firstMessage, false, null);
    }

    static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
