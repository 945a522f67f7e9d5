package dev.timbre.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutePermissionsTest {
    @Test
    void reads_and_writes_of_an_area_need_its_two_permissions() {
        assertThat(RoutePermissions.required("GET", "/v1/voices/abc")).contains(Permission.VOICES_READ);
        assertThat(RoutePermissions.required("HEAD", "/v1/voices")).contains(Permission.VOICES_READ);
        assertThat(RoutePermissions.required("POST", "/v1/voices/add")).contains(Permission.VOICES_WRITE);
        assertThat(RoutePermissions.required("DELETE", "/v1/history/{history_item_id}")).contains(Permission.SPEECH_HISTORY_WRITE);
        assertThat(RoutePermissions.required("PATCH", "/v1/convai/agents/a1")).contains(Permission.CONVAI_WRITE);
        assertThat(RoutePermissions.required("WS", "/v1/convai/conversation")).as("a socket is a read").contains(Permission.CONVAI_READ);
        assertThat(RoutePermissions.required("WS", "/v1/text-to-speech/v/stream-input")).contains(Permission.TEXT_TO_SPEECH);
    }

    @Test
    void an_exact_override_wins_and_prefixes_match_whole_segments() {
        assertThat(RoutePermissions.required("POST", "/v1/history/download")).contains(Permission.SPEECH_HISTORY_READ);
        assertThat(RoutePermissions.required("POST", "/v1/history/download/")).contains(Permission.SPEECH_HISTORY_READ);
        assertThat(RoutePermissions.required("GET", "/v1/voices-x")).isEqualTo(Optional.empty());
        assertThat(RoutePermissions.required("GET", "/v1/audio/transcriptions")).contains(Permission.SPEECH_TO_TEXT);
        assertThat(RoutePermissions.required("GET", "/v1/unknown")).isEmpty();
    }

    @Test
    void permissions_have_the_openapi_wire_names() {
        assertThat(Permission.SPEECH_HISTORY_READ.wire()).isEqualTo("speech_history_read");
        assertThat(Permission.parse("convai_write")).contains(Permission.CONVAI_WRITE);
        assertThat(Permission.parse("all")).isEmpty();
        assertThat(Permission.parse("CONVAI_WRITE")).isEmpty();
        assertThat(Permission.values()).hasSize(28);
        var spec = dev.timbre.testing.OpenApiContract.spec().at("/components/schemas/WorkspaceApiKeyResponseModel/properties/permissions/anyOf/0/items/enum");
        java.util.List<String> names = new java.util.ArrayList<>();
        spec.forEach(n -> names.add(n.asText()));
        assertThat(java.util.Arrays.stream(Permission.values()).map(Permission::wire)).containsExactlyElementsOf(names);
    }
}
