package dev.timbre.convai.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConvaiSettingsRepositoryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_documents_over_defaults(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SettingsRepository repo = new SettingsRepository(db.jdbi());
            SettingsService settings = new SettingsService(repo);
            assertThat(repo.find("settings")).isEmpty();
            assertThat(settings.settings()).isEqualTo(SettingsService.defaultSettings());

            settings.updateSettings(Json.MAPPER.createObjectNode().put("rag_retention_period_days", 5));
            settings.updateSettings(Json.MAPPER.createObjectNode().put("can_use_mcp_servers", true));
            assertThat(settings.settings().get("rag_retention_period_days").asInt()).isEqualTo(5);
            assertThat(settings.settings().get("can_use_mcp_servers").asBoolean()).isTrue();
            assertThat(settings.settings().get("default_livekit_stack").asText()).isEqualTo("standard");

            var patch = Json.MAPPER.createObjectNode();
            patch.putArray("charts").addObject().put("name", "x");
            settings.updateDashboard(patch);
            assertThat(new SettingsService(repo).dashboard().at("/charts/0/type").asText()).isEqualTo("call_success");
            assertThat(settings.settings().get("rag_retention_period_days").asInt()).isEqualTo(5);
        }
    }
}
