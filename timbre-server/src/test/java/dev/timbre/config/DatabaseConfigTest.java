package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/timbre";

    @Test
    void the_environment_password_serves_a_url_given_by_flag() throws Exception {
        TimbreConfig c = ConfigLoader.load(Map.of("database-url", URL, "database-user", "timbre"),
                Map.of("TIMBRE_DATABASE_PASSWORD", "from-env"));
        assertThat(c.database()).isEqualTo(new TimbreConfig.Database(URL, "timbre", "from-env"));
    }

    @Test
    void the_environment_sets_url_user_and_password() throws Exception {
        TimbreConfig c = ConfigLoader.load(Map.of(), Map.of("TIMBRE_DATABASE_URL", URL, "TIMBRE_DATABASE_USER", "u",
                "TIMBRE_DATABASE_PASSWORD", "p"));
        assertThat(c.database()).isEqualTo(new TimbreConfig.Database(URL, "u", "p"));
    }

    @Test
    void the_flag_still_works_and_wins() throws Exception {
        TimbreConfig c = ConfigLoader.load(Map.of("database-url", URL, "database-password", "from-flag"),
                Map.of("TIMBRE_DATABASE_PASSWORD", "from-env"));
        assertThat(c.database().password()).isEqualTo("from-flag");
    }

    @Test
    void no_database_settings_mean_the_embedded_one() throws Exception {
        assertThat(ConfigLoader.load(Map.of(), Map.of()).database().url()).isNull();
    }
}
