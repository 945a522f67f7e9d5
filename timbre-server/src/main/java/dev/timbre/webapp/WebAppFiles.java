package dev.timbre.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The built web app's files, read from the class path under {@code webapp/} once and kept in memory (the build is a
 * few hundred KB); or, for developing the web app, read from a folder at every request ({@code TIMBRE_WEB_DIR=web/dist}:
 * rebuild with {@code npm run build} and reload, no server rebuild). Only plain names of known types are served: no
 * {@code ..}, no directories. Thread-safe.
 */
public final class WebAppFiles {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final Pattern SAFE = Pattern.compile("(assets/)?[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "woff2", "font/woff2", "json", "application/json", "wasm", "application/wasm",
            "map", "application/json");

    /** One file: its bytes, type and a strong ETag of its content. */
    public record File(byte[] bytes, String contentType, String etag) {}

    private final String root;
    private final java.nio.file.Path folder;
    private final Map<String, File> cache = new ConcurrentHashMap<>();

    private WebAppFiles(String root, java.nio.file.Path folder) {
        this.root = root.endsWith("/") ? root : root + "/";
        this.folder = folder;
    }

    /** The files under a class-path folder ({@code "webapp/"} in the server), cached. */
    public static WebAppFiles classPath(String root) {
        return new WebAppFiles(root, null);
    }

    /** The built web app in the class path, or the folder {@code TIMBRE_WEB_DIR} in {@code env} names (developing it). */
    public static WebAppFiles configured(Map<String, String> env) {
        String dir = env.get("TIMBRE_WEB_DIR");
        return dir == null || dir.isBlank() ? classPath("webapp/") : folder(java.nio.file.Path.of(dir));
    }

    /** The files in a folder, read at every request (a web developer's build output). */
    public static WebAppFiles folder(java.nio.file.Path folder) {
        return new WebAppFiles("", folder);
    }

    /** The file at a path relative to the root, or null when there is none (or the name is not a servable one). */
    public File get(String name) {
        if (!SAFE.matcher(name).matches() || name.contains("..")) return null;
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) return null;
        if (folder != null) {
            java.nio.file.Path path = folder.resolve(name);
            try {
                return java.nio.file.Files.isRegularFile(path) ? file(java.nio.file.Files.readAllBytes(path), type) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        File cached = cache.get(name);
        if (cached != null) return cached;
        try (InputStream in = WebAppFiles.class.getClassLoader().getResourceAsStream(root + name)) {
            if (in == null) return null;
            File file = file(in.readAllBytes(), type);
            cache.put(name, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File file(byte[] bytes, String type) {
        return new File(bytes, type, "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 12) + "\"");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
