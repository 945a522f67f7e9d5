package dev.timbre.convai.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.AgentProfile;
import dev.timbre.convai.conversation.agent.AgentProfiles;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code usage_mode: "prompt"} documents reach the agent's system prompt at conversation time; {@code auto} ones do not. */
@Tag("integration")
class PromptDocumentsApiTest {
    static TestServer server;
    static AgentProfiles profiles;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        profiles = new AgentProfiles(server.timbre().services().agents(), server.timbre().services().tools(), p -> new RuleLanguageModel(),
                PromptDocuments.of(new KnowledgeBaseRepository(server.timbre().database().jdbi())), prompt -> dev.timbre.agent.knowledge.Knowledge.NONE, dev.timbre.convai.mcpservers.McpTools.NONE);
    }

    @AfterAll
    static void stop() { server.close(); }

    static String text(String name, String text) {
        return server.postJson("/v1/convai/knowledge-base/text", "{\"name\": \"" + name + "\", \"text\": \"" + text + "\"}").json().get("id").asText();
    }

    static AgentProfile profileOf(String agentId) {
        return profiles.profile(agentId, server.timbre().services().agents().get(agentId));
    }

    @Test
    void prompt_documents_are_appended_to_the_system_prompt() {
        String hours = text("Hours", "We open at nine and close at five.");
        String secret = text("Retrieved only", "The vault code is 1234.");
        String agent = server.postJson("/v1/convai/agents/create", "{\"conversation_config\": {\"agent\": {\"prompt\": {\"prompt\": \"You help.\", "
                + "\"knowledge_base\": [{\"type\": \"text\", \"name\": \"h\", \"id\": \"" + hours + "\", \"usage_mode\": \"prompt\"}, "
                + "{\"type\": \"text\", \"name\": \"s\", \"id\": \"" + secret + "\", \"usage_mode\": \"auto\"}, "
                + "{\"type\": \"text\", \"name\": \"gone\", \"id\": \"deleted_document\", \"usage_mode\": \"prompt\"}]}}}}")
                .json().get("agent_id").asText();
        String prompt = profileOf(agent).systemPrompt();
        assertThat(prompt).startsWith("You help.\n\n# Knowledge base\n\n## Hours\nWe open at nine and close at five.");
        assertThat(prompt).doesNotContain("vault code");

        // without prompt documents nothing is added
        String plain = server.postJson("/v1/convai/agents/create", "{\"conversation_config\": {\"agent\": {\"prompt\": {\"prompt\": \"Plain.\"}}}}")
                .json().get("agent_id").asText();
        assertThat(profileOf(plain).systemPrompt()).isEqualTo("Plain.");
    }

    @Test
    void the_prompt_addition_is_bounded() {
        String big = "x".repeat(150_000);
        String a = text("A", big);
        String b = text("B", big);
        String agent = server.postJson("/v1/convai/agents/create", "{\"conversation_config\": {\"agent\": {\"prompt\": {\"prompt\": \"P\", "
                + "\"knowledge_base\": [{\"type\": \"text\", \"name\": \"a\", \"id\": \"" + a + "\", \"usage_mode\": \"prompt\"}, "
                + "{\"type\": \"text\", \"name\": \"b\", \"id\": \"" + b + "\", \"usage_mode\": \"prompt\"}]}}}}").json().get("agent_id").asText();
        assertThat(profileOf(agent).systemPrompt().length()).isEqualTo(1 + PromptDocuments.MAX_CHARS);
    }
}
