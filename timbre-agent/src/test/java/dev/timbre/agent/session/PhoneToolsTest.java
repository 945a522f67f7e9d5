package dev.timbre.agent.session;

import static dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.JsonText;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.agent.workflow.Condition;
import dev.timbre.agent.workflow.Workflow;
import dev.timbre.agent.workflow.WorkflowEdge;
import dev.timbre.agent.workflow.WorkflowNode;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call-only system tools against a fake phone line, driven by a scripted LLM. */
class PhoneToolsTest {
    static final AgentTool TRANSFER = AgentTool.system(new ToolSpec("transfer_to_number", "", null), "transfer_to_number", Map.of(
            "transfers", List.of(
                    Map.of("transfer_destination", Map.of("type", "phone", "phone_number", "+15551234567"),
                            "condition", "billing", "transfer_type", "conference"),
                    Map.of("transfer_destination", Map.of("type", "sip_uri", "sip_uri", "sip:support@example.com"),
                            "condition", "complaints", "transfer_type", "sip_refer"))));
    static final AgentTool DTMF = AgentTool.system(new ToolSpec("play_keypad_touch_tone", "", null), "play_keypad_touch_tone", null);
    static final AgentTool VOICEMAIL = AgentTool.system(new ToolSpec("voicemail_detection", "", null), "voicemail_detection",
            Map.of("voicemail_message", "Hi {{name}}, please call us back."));
    static final AgentTool HANG_UP_ON_VOICEMAIL = AgentTool.system(new ToolSpec("voicemail_detection", "", null), "voicemail_detection", null);

    static SessionFixture call(FakePhone phone, ScriptedLanguageModel model, AgentTool... tools) {
        var config = SessionConfig.of("conv_phone", SessionFixture.agent(model, "", "", tools)).withDynamicVariables(Map.of("name", "Ada"));
        var f = new SessionFixture(config, ToolRunner.NONE, AgentDirectory.NONE, phone);
        f.session.start(null);
        f.loop.drain();
        return f;
    }

    static ToolCall transferCall(String number) {
        return new ToolCall("t1", "transfer_to_number", JsonText.write(Map.of("transfer_number", number, "reason", "billing question",
                "client_message", "I'm transferring you to billing.", "agent_message", "Caller asks about an invoice.")));
    }

    static ToolResultEntry lastResult(List<TranscriptEntry> transcript) {
        return transcript.stream().flatMap(e -> e.toolResults().stream()).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void transferSaysTheClientMessageFirstThenTransfersOffTheLoopAndEndsTheCall() {
        var phone = new FakePhone("twilio");
        phone.holdSpeech = true;
        var model = new ScriptedLanguageModel(Reply.tools(transferCall("+1 (555) 123-4567")));
        var f = call(phone, model, TRANSFER);
        f.say("I need billing");
        assertThat(f.out.responses()).containsExactly("I'm transferring you to billing.");
        assertThat(phone.actions).as("nothing happens to the line before the message was heard").isEmpty();

        phone.speechHeard();
        f.loop.drainUntil(() -> f.out.end != null);
        assertThat(phone.actions).containsExactly("transfer +15551234567 conference");
        assertThat(phone.transferThreads).containsExactly("test-blocking");
        assertThat(f.out.end.terminationReason()).isEqualTo("Call transferred to +15551234567.");
        assertThat(f.out.end.closeCode()).isEqualTo(1000);
        assertThat(f.out.end.isError()).isFalse();
        ToolResultEntry result = lastResult(f.out.end.transcript());
        assertThat(result.isError()).isFalse();
        assertThat(JsonText.object(result.resultValue())).containsEntry("result_type", "transfer_to_number_twilio_success")
                .containsEntry("transfer_number", "+15551234567").containsEntry("agent_message", "Caller asks about an invoice.")
                .containsEntry("conference_name", "transfer-test").containsEntry("client_message", "I'm transferring you to billing.");
        assertThat(phone.agentMessages).containsExactly("Caller asks about an invoice.");
        assertThat(model.requests).as("the call ends without another LLM round").hasSize(1);
    }

    @Test
    void aSipReferRuleToASipUriIsTransferredWithItsType() {
        var phone = new FakePhone("sip_trunk");
        var model = new ScriptedLanguageModel(Reply.textAndTools("One moment.", transferCall("SIP:support@example.com")));
        var f = call(phone, model, TRANSFER);
        f.say("I want to complain");
        f.loop.drainUntil(() -> f.out.end != null);
        assertThat(phone.actions).containsExactly("transfer sip:support@example.com sip_refer");
        assertThat(f.out.responses()).containsExactly("One moment.", "I'm transferring you to billing.");
        assertThat(JsonText.object(lastResult(f.out.end.transcript()).resultValue()))
                .containsEntry("result_type", "transfer_to_number_sip_success");
    }

    @Test
    void aRefusedTransferIsAnErrorForTheLlmAndTheCallGoesOn() {
        var phone = new FakePhone("sip_trunk");
        phone.refuse = "603 Decline";
        var model = new ScriptedLanguageModel(Reply.tools(transferCall("+15551234567")), Reply.text("Sorry, billing is busy."));
        var f = call(phone, model, TRANSFER);
        f.say("billing please");
        f.loop.drainUntil(() -> model.requests.size() == 2);
        assertThat(f.out.end).isNull();
        assertThat(f.out.responses()).containsExactly("I'm transferring you to billing.", "Sorry, billing is busy.");
        String told = model.requests.get(1).messages().stream().filter(m -> m.role() == ChatMessage.Role.TOOL)
                .reduce((a, b) -> b).orElseThrow().content();
        assertThat(JsonText.object(told)).containsEntry("result_type", "transfer_to_number_error").containsEntry("status", "error");
        assertThat(told).contains("603 Decline");
    }

    @Test
    void aNumberThatNoRuleNamesIsRefusedWithoutTouchingTheLine() {
        var phone = new FakePhone("twilio");
        var noMessage = AgentTool.system(TRANSFER.spec(), "transfer_to_number",
                Map.of("transfers", TRANSFER.params().get("transfers"), "enable_client_message", false));
        var model = new ScriptedLanguageModel(Reply.tools(transferCall("+19999999999")), Reply.text("I can't transfer there."),
                Reply.tools(transferCall("+15551234567")));
        var f = call(phone, model, noMessage);
        f.say("call my mother");
        assertThat(phone.actions).isEmpty();
        assertThat(model.requests.get(1).messages().toString()).contains("+15551234567", "sip:support@example.com");
        assertThat(f.out.responses()).containsExactly("I can't transfer there.");
        f.say("then billing");
        f.loop.drainUntil(() -> f.out.end != null);
        assertThat(f.out.responses()).as("enable_client_message false: nothing said").containsExactly("I can't transfer there.");
        assertThat(phone.actions).containsExactly("transfer +15551234567 conference");
    }

    @Test
    void keypadTonesAreSentAfterTheWordsBeforeThemAndTheAgentListens() {
        var phone = new FakePhone("twilio");
        phone.holdSpeech = true;
        var model = new ScriptedLanguageModel(Reply.textAndTools("Pressing two.", new ToolCall("d1", "play_keypad_touch_tone",
                "{\"dtmf_tones\":\"2w#\",\"reason\":\"menu\"}")));
        var f = call(phone, model, DTMF);
        f.say("For billing, press 2.");
        assertThat(phone.actions).isEmpty();
        phone.speechHeard();
        assertThat(phone.actions).containsExactly("digits 2w#");
        assertThat(model.requests).as("no reply after the tones: the menu speaks next").hasSize(1);
        assertThat(f.out.end).isNull();
        assertThat(JsonText.object(lastResult(f.out.transcript).resultValue())).containsEntry("result_type", "play_dtmf_success")
                .containsEntry("dtmf_tones", "2w#").containsEntry("reason", "menu");
    }

    @Test
    void invalidKeypadTonesAreAnErrorAndNothingIsSent() {
        var phone = new FakePhone("sip_trunk");
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("d1", "play_keypad_touch_tone", "{\"dtmf_tones\":\"12x\"}")),
                Reply.text("Let me try again."));
        var f = call(phone, model, DTMF);
        f.say("enter your PIN");
        assertThat(phone.actions).isEmpty();
        assertThat(lastResult(f.out.transcript).isError()).isTrue();
        assertThat(lastResult(f.out.transcript).resultValue()).contains("play_dtmf_error", "0-9, *, #, w");
        assertThat(f.out.responses()).containsExactly("Let me try again.");
    }

    @Test
    void voicemailLeavesTheConfiguredMessageThenEnds() {
        var phone = new FakePhone("twilio");
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("v1", "voicemail_detection", "{\"reason\":\"beep\"}")));
        var f = call(phone, model, VOICEMAIL);
        f.say("Please leave a message after the tone.");
        assertThat(f.out.responses()).containsExactly("Hi Ada, please call us back.");
        assertThat(f.out.end.terminationReason()).isEqualTo("voicemail_detection tool was called: voicemail detected.");
        assertThat(JsonText.object(lastResult(f.out.end.transcript()).resultValue()))
                .containsEntry("result_type", "voicemail_detection_success")
                .containsEntry("voicemail_message", "Hi Ada, please call us back.").containsEntry("reason", "beep");
        assertThat(phone.actions).isEmpty();
    }

    @Test
    void voicemailWithoutAMessageEndsAtOnce() {
        var phone = new FakePhone("sip_trunk");
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("v1", "voicemail_detection", "{\"reason\":\"greeting\"}")));
        var f = call(phone, model, HANG_UP_ON_VOICEMAIL);
        f.say("You have reached the voicemail of");
        assertThat(f.out.responses()).isEmpty();
        assertThat(f.out.end.terminationReason()).isEqualTo("voicemail_detection tool was called: voicemail detected.");
    }

    @Test
    void withoutAPhoneTheCallToolsAreErrors() {
        var model = new ScriptedLanguageModel(Reply.tools(transferCall("+15551234567"), new ToolCall("v1", "voicemail_detection", "{}")),
                Reply.text("This is a web chat."));
        var f = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(model, "", "", TRANSFER, VOICEMAIL)));
        f.say("transfer me");
        assertThat(f.out.end).isNull();
        assertThat(f.out.transcript.stream().flatMap(e -> e.toolResults().stream()).toList()).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.isError()).isTrue();
                    assertThat(r.resultValue()).contains("only available in phone calls");
                });
        assertThat(f.out.responses()).containsExactly("This is a web chat.");
    }

    @Test
    void callerIdCalledNumberAndCallSidAreDynamicVariables() {
        var model = new ScriptedLanguageModel(Reply.text("ok"));
        var agent = SessionFixture.agent(model, "From {{system__caller_id}} to {{system__called_number}} ({{system__call_sid}}).", "");
        var f = SessionFixture.started(SessionConfig.of("c", agent).withPhoneCall("+15550001111", "+15550002222", "CA123"));
        f.say("hi");
        assertThat(model.requests.get(0).systemPrompt()).isEqualTo("From +15550001111 to +15550002222 (CA123).");

        var web = new ScriptedLanguageModel(Reply.text("ok"));
        var g = SessionFixture.started(SessionConfig.of("c", SessionFixture.agent(web, "From {{system__caller_id}}.", "")));
        g.say("hi");
        assertThat(web.requests.get(0).systemPrompt()).isEqualTo("From {{system__caller_id}}.");
        assertThat(DynamicVariables.at(SessionConfig.of("c", agent), "agent_1", java.time.Instant.EPOCH, java.time.Instant.EPOCH)
                .values()).doesNotContainKeys("system__caller_id", "system__called_number", "system__call_sid");
    }

    /** start →(unconditional) a phone_number node transferring to +15550009999 by SIP REFER. */
    static AgentProfile phoneFlow(ScriptedLanguageModel model) {
        Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
        nodes.put("start_node", new WorkflowNode.Start());
        nodes.put("human", new WorkflowNode.PhoneTransfer(Map.of("type", "phone", "phone_number", "+15550009999"), "sip_refer"));
        Map<String, WorkflowEdge> edges = new LinkedHashMap<>();
        edges.put("e_human", new WorkflowEdge("start_node", "human", new Condition.Unconditional(null), null));
        return WorkflowSessionTest.agent(model, new Workflow(nodes, edges));
    }

    @Test
    void aWorkflowPhoneNumberNodeTransfersAfterTheFirstMessageThroughTheSamePath() {
        var phone = new FakePhone("sip_trunk");
        phone.holdSpeech = true;
        var f = new SessionFixture(SessionConfig.of("c", phoneFlow(new ScriptedLanguageModel())), ToolRunner.NONE, AgentDirectory.NONE, phone);
        f.session.start(null);
        f.loop.drain();
        assertThat(f.out.responses()).containsExactly("Hello!");
        assertThat(phone.actions).isEmpty();
        phone.speechHeard();
        f.loop.drainUntil(() -> f.out.end != null);
        assertThat(phone.actions).containsExactly("transfer +15550009999 sip_refer");
        assertThat(f.out.end.terminationReason()).isEqualTo("Call transferred to +15550009999.");
    }

    @Test
    void aRefusedWorkflowTransferIsRecordedAndTheCallStaysUp() {
        var phone = new FakePhone("twilio");
        phone.refuse = "no answer";
        var f = new SessionFixture(SessionConfig.of("c", phoneFlow(new ScriptedLanguageModel())), ToolRunner.NONE, AgentDirectory.NONE, phone);
        f.session.start(null);
        f.loop.drainUntil(() -> !phone.actions.isEmpty() && lastResult(f.out.transcript).isError());
        assertThat(f.out.end).isNull();
        assertThat(lastResult(f.out.transcript).resultValue()).isEqualTo("The transfer failed: no answer");
    }
}
