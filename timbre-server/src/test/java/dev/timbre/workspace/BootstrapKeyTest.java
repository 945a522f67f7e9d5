package dev.timbre.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A generated admin key is stored owner-only and works, and it never appears in the log. */
class BootstrapKeyTest {
    @TempDir Path data;

    @Test
    void a_generated_key_is_stored_and_valid_but_not_logged() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(BootstrapKey.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (Database db = TestDatabases.h2()) {
            ApiKeyRepository keys = new ApiKeyRepository(db.jdbi());
            BootstrapKey.install(keys, null, data);
            String key = Files.readString(data.resolve(BootstrapKey.FILE)).trim();
            assertThat(key).startsWith("sk_");
            assertThat(keys.findByKey(key)).get().extracting(ApiKeyRepository.ApiKey::isAdmin).isEqualTo(true);
            assertThat(logged.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage().contains(key));
        } finally {
            logger.detachAppender(logged);
        }
    }
}
