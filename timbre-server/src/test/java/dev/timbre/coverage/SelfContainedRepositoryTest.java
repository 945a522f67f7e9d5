package dev.timbre.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import dev.timbre.testing.RepositoryRoot;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository stands on its own: no source, script, build file or doc refers to a folder beside the
 * checkout (the development machines keep reference material in a {@code shared} folder beside the checkout, which a clone does not have).
 */
class SelfContainedRepositoryTest {
    private static final String OUTSIDE = ".." + "/shared";
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", "data", ".idea");
    private static final long MAX_TEXT_BYTES = 4 << 20;

    @Test
    void nothing_in_the_repository_refers_outside_it() throws IOException {
        Path root = RepositoryRoot.path();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> !skipped(root, p))
                    .filter(Files::isRegularFile)
                    .forEach(p -> {
                        String text = readText(p);
                        if (text != null && text.contains(OUTSIDE)) offenders.add(root.relativize(p).toString());
                    });
        }
        assertThat(offenders).as("files referring to " + OUTSIDE + " (copy what they need into the repository)").isEmpty();
    }

    private static boolean skipped(Path root, Path p) {
        for (Path part : root.relativize(p)) if (SKIPPED_DIRS.contains(part.toString())) return true;
        return false;
    }

    /** The file's text, or null for a binary or large file. */
    private static String readText(Path p) {
        try {
            if (Files.size(p) > MAX_TEXT_BYTES) return null;
            return Files.readString(p);
        } catch (MalformedInputException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
