package dev.timbre.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root folder (the one holding {@code ./timbre} and the parent {@code pom.xml}), found from the working directory. */
public final class RepositoryRoot {
    private RepositoryRoot() {}

    public static Path path() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("timbre")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        throw new IllegalStateException("no repository root (a folder with ./timbre and pom.xml) at or above " + Path.of("").toAbsolutePath());
    }
}
