package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code telephony}: Twilio's REST API base and the public URL, from YAML and {@code TIMBRE_TWILIO_API_URL}/{@code TIMBRE_PUBLIC_URL}. */
class TelephonyConfigTest {
    @Test
    void twilio_s_own_api_and_no_public_url_by_default() throws Exception {
        TimbreConfig c = ConfigLoader.load(Map.of(), Map.of());
        assertThat(c.telephony().twilioApiUrl()).isEqualTo("https://api.twilio.com");
        assertThat(c.telephony().publicUrl()).isNull();
    }

    @Test
    void the_environment_overrides_the_yaml_and_trailing_slashes_go() throws Exception {
        Path yaml = Files.createTempFile("timbre", ".yaml");
        Files.writeString(yaml, "telephony:\n  twilio_api_url: 'http://twilio.internal:8080/'\n  public_url: 'https://timbre.example.com/'\n");
        TimbreConfig file = ConfigLoader.load(Map.of("config", yaml.toString()), Map.of());
        assertThat(file.telephony().twilioApiUrl()).isEqualTo("http://twilio.internal:8080");
        assertThat(file.telephony().publicUrl()).isEqualTo("https://timbre.example.com");
        TimbreConfig env = ConfigLoader.load(Map.of("config", yaml.toString()), Map.of("TIMBRE_TWILIO_API_URL", "http://127.0.0.1:9999"));
        assertThat(env.telephony().twilioApiUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(env.telephony().publicUrl()).isEqualTo("https://timbre.example.com");
    }
}
