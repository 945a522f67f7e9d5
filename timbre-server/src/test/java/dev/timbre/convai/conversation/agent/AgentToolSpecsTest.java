package dev.timbre.convai.conversation.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.http.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentToolSpecsTest {
    static AgentTool of(String json) throws Exception {
        return AgentToolSpecs.of(Json.MAPPER.readTree(json));
    }

    @Test
    void transferToNumberWithoutADescriptionListsItsRulesForTheLlm() throws Exception {
        AgentTool t = of("""
                {"type":"system","name":"transfer_to_human","params":{"system_tool_type":"transfer_to_number","transfers":[
                  {"transfer_destination":{"type":"phone","phone_number":"+15551234567"},"condition":"the user asks for billing","transfer_type":"conference"},
                  {"transfer_destination":{"type":"sip_uri","sip_uri":"sip:support@example.com"},"condition":"a formal complaint","transfer_type":"sip_refer"}]}}""");
        assertThat(t.systemType()).isEqualTo("transfer_to_number");
        assertThat(t.name()).isEqualTo("transfer_to_human");
        assertThat(t.spec().description()).startsWith("Transfer the call to a human operator")
                .contains("+15551234567 when the user asks for billing", "sip:support@example.com when a formal complaint");
        assertThat(t.spec().parameters()).extracting(p -> p.get("required"))
                .isEqualTo(List.of("transfer_number", "client_message", "agent_message"));
        assertThat(((List<?>) t.params().get("transfers"))).hasSize(2);

        AgentTool described = of("""
                {"type":"system","name":"transfer_to_number","description":"Only for emergencies.","params":{"system_tool_type":"transfer_to_number","transfers":[]}}""");
        assertThat(described.spec().description()).isEqualTo("Only for emergencies.");
    }

    @Test
    void keypadAndVoicemailToolsTakeTheirDocumentedArguments() throws Exception {
        AgentTool dtmf = of("{\"type\":\"system\",\"name\":\"play_keypad_touch_tone\",\"params\":{\"system_tool_type\":\"play_keypad_touch_tone\"}}");
        assertThat(dtmf.spec().parameters()).extracting(p -> p.get("required")).isEqualTo(List.of("dtmf_tones"));
        AgentTool vm = of("{\"type\":\"system\",\"name\":\"voicemail_detection\",\"params\":{\"system_tool_type\":\"voicemail_detection\",\"voicemail_message\":\"Call us back.\"}}");
        assertThat(vm.params()).containsEntry("voicemail_message", "Call us back.");
        assertThat(vm.spec().parameters()).extracting(p -> p.get("required")).isEqualTo(List.of("reason"));
        assertThat(((Map<?, ?>) vm.spec().parameters().get("properties")).containsKey("reason")).isTrue();
    }
}
