package dev.timbre;

import dev.timbre.config.ConfigLoader;
import dev.timbre.config.TimbreConfig;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code timbre serve [--port N] [--data DIR] [--config FILE] [--database-url URL]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        if ("json".equalsIgnoreCase(System.getenv().getOrDefault("TIMBRE_LOG_FORMAT", "").strip())) {
            System.setProperty("logback.configurationFile", "logback-json.xml"); // before the first logger is made
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("serve")) continue;
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: timbre serve [--port N] [--data DIR] [--config FILE] [--database-url URL --database-user U] (password: TIMBRE_DATABASE_PASSWORD)");
                return;
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                System.err.println("timbre: unexpected argument '" + a + "' (see --help)");
                System.exit(2);
            }
            flags.put(a.substring(2), args[++i]);
        }
        long t0 = System.nanoTime();
        TimbreConfig config = ConfigLoader.load(flags, System.getenv());
        System.setProperty("timbre.data", config.dataDir().toAbsolutePath().toString());
        Logger log = LoggerFactory.getLogger(Main.class);
        if (flags.containsKey("database-password")) {
            log.warn("--database-password is visible to every user of this machine (ps, /proc); set TIMBRE_DATABASE_PASSWORD instead");
        }
        Timbre timbre;
        try {
            timbre = Timbre.start(config, dev.timbre.config.SipSettings.fromEnv(System.getenv()));
        } catch (Exception | Error e) {
            // a half-started server (its HTTP threads up, its database closed) must not linger answering 503
            log.error("Timbre could not start: {}", e.toString(), e);
            System.exit(1);
            return;
        }
        java.time.Duration drain = java.time.Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("TIMBRE_DRAIN_SECONDS", "30").strip()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                int left = timbre.drain(drain);
                if (left > 0) log.warn("stopping with {} conversations still running (TIMBRE_DRAIN_SECONDS={})", left, drain.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                timbre.close();
            }
        }, "shutdown"));
        log.info("Timbre listening on port {} (data in {})", timbre.port(), config.dataDir().toAbsolutePath());
        timbre.engines().awaitReady(120_000);
        log.info("Timbre healthy after {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
