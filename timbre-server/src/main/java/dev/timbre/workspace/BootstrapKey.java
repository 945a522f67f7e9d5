package dev.timbre.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bootstrap admin key: {@code TIMBRE_API_KEY} when given; otherwise one generated on first start, printed once
 * and kept in {@code <data>/admin-api-key} readable by the owner only. Installing it removes every other admin key:
 * starting with a different {@code TIMBRE_API_KEY} rotates the key, and the old one stops working.
 */
public final class BootstrapKey {
    private static final Logger log = LoggerFactory.getLogger(BootstrapKey.class);
    static final String FILE = "admin-api-key";

    private BootstrapKey() {}

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static void install(ApiKeyRepository keys, String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            keys.installBootstrap(configured.trim(), "bootstrap admin (TIMBRE_API_KEY)", now());
            return;
        }
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            keys.installBootstrap(Files.readString(file).trim(), "bootstrap admin (generated)", now());
            return;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = "sk_" + HexFormat.of().formatHex(random);
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, key + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        keys.installBootstrap(key, "bootstrap admin (generated)", now());
        // The key goes to the terminal once, never into the log (logs are shipped and kept).
        log.warn("Generated the admin API key: printed once on standard output, stored in {} (owner only)", file);
        System.out.println("TIMBRE_API_KEY=" + key);
    }
}
