package dev.timbre.convai.conversations;

import dev.timbre.db.Database;
import dev.timbre.storage.FileSystemBlobStore;
import dev.timbre.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversations service with recordings, for the recording tests: a fresh H2 database and a file blob store in a
 * temporary folder per test, the clock fixed 5 s after {@link ConversationsServiceTest#START}.
 */
abstract class RecordingServiceFixture {
    @TempDir Path dir;
    Database db;
    FileSystemBlobStore blobs;
    ConversationsService service;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.h2();
        blobs = new FileSystemBlobStore(dir);
        service = new ConversationsService(new ConversationRepository(db.jdbi()), new ConversationAudio(blobs),
                Clock.fixed(ConversationsServiceTest.START.plusSeconds(5), ZoneOffset.UTC));
    }

    @AfterEach
    void close() { db.close(); }
}
