package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataValuesTest {
    static Optional<Object> typed(String json, String type) throws Exception {
        JsonNode n = json == null ? null : Json.MAPPER.readTree(json);
        return DataValues.typed(n, type).map(t -> t.value() == null ? "<null>" : t.value());
    }

    @Test
    void values_take_the_item_type() throws Exception {
        assertThat(typed("\"ann@example.com\"", "string")).contains("ann@example.com");
        assertThat(typed("12", "string")).contains("12");
        assertThat(typed("\"1,250.5\"", "number")).contains(1250.5);
        assertThat(typed("3.25", "number")).contains(3.25);
        assertThat(typed("7.0", "integer")).contains(7L);
        assertThat(typed("\" 42 \"", "integer")).contains(42L);
        assertThat(typed("\"No\"", "boolean")).contains(false);
        assertThat(typed("true", "boolean")).contains(true);
        assertThat(typed("null", "integer")).contains("<null>");
        assertThat(typed(null, "boolean")).contains("<null>");
    }

    @Test
    void misfits_are_invalid() throws Exception {
        assertThat(typed("7.5", "integer")).isEmpty();
        assertThat(typed("\"many\"", "number")).isEmpty();
        assertThat(typed("\"perhaps\"", "boolean")).isEmpty();
        assertThat(typed("1", "boolean")).isEmpty();
        assertThat(typed("{\"a\": 1}", "string")).isEmpty();
        assertThat(typed("[1]", "integer")).isEmpty();
        assertThat(typed("1", "object")).isEmpty();
    }

    @Test
    void the_json_object_is_found_in_a_chatty_reply() {
        assertThat(LenientJson.object("Here you go:\n```json\n{\"a\": {\"b\": 1}}\n```")).hasValueSatisfying(o -> assertThat(o.at("/a/b").asInt()).isEqualTo(1));
        assertThat(LenientJson.object("{not json} {\"x\": true} trailing")).hasValueSatisfying(o -> assertThat(o.get("x").asBoolean()).isTrue());
        assertThat(LenientJson.object("[1, 2] no object")).isEmpty();
        assertThat(LenientJson.object("{\"unterminated\": ")).isEmpty();
        assertThat(LenientJson.object(null)).isEmpty();
    }
}
