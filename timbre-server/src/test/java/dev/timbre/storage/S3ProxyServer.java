package dev.timbre.storage;

import dev.timbre.config.StorageSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * S3Proxy 2.6.0 (target/s3proxy/s3proxy.jar, copied there by the build) as a separate process: a real S3-compatible
 * server on a free local port with a transient in-memory backend and one access key. Started once per test class;
 * {@link #close} kills it.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "timbre-test", SECRET_KEY = "timbre-test-secret";

    private final Process process;
    public final int port;

    private S3ProxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3ProxyServer start(Path dir) throws Exception {
        Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no " + jar + ": run the build's process-test-resources phase");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=transient",
                "jclouds.identity=local",
                "jclouds.credential=local",
                ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties", conf.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("S3Proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new S3ProxyServer(p, port);
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen within 60 s");
    }

    public StorageSettings.S3 settings(String bucket) {
        return new StorageSettings.S3("http://127.0.0.1:" + port, "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
