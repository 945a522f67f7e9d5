package dev.timbre.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.timbre.config.ConfigLoader;
import dev.timbre.config.TimbreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container image and deployment files agree with the server they deploy (no Docker or cluster here): the image
 * installs the launcher's engine packages and runs non-root with a readiness health check; Compose's and the
 * manifests' settings load as Timbre's configuration; probes, ports, selectors and the autoscaler's target line up.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String read(String path) throws Exception { return Files.readString(ROOT.resolve(path)); }

    private static JsonNode yaml(String path) throws Exception { return YAML.readTree(read(path)); }

    private static String packages(String script) {
        Matcher m = Pattern.compile("(?m)^ENGINE_PACKAGES=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).as("ENGINE_PACKAGES in the script").isTrue();
        return m.group(1).strip();
    }

    @Test
    void theImageBuildsInStagesRunsNonRootAndInstallsWhatTheLauncherDoes() throws Exception {
        String docker = read("Dockerfile");
        assertThat(docker).containsPattern("(?m)^FROM \\S+ AS build$").contains("FROM debian:bookworm-slim")
                .containsPattern("(?m)^USER 10001:10001$").contains("/health/ready").contains("EXPOSE 8080")
                .contains("/opt/timbre/entrypoint.sh").contains("install-runtime.sh packages");
        assertThat(packages(read("deploy/image/install-runtime.sh"))).isEqualTo(packages(read("timbre")));
        assertThat(read("deploy/image/entrypoint.sh")).contains("dev.timbre.Main serve").contains("-Dai.djl.offline=true")
                .contains("OPT_OUT_TRACKING=true");
    }

    @Test
    void composeRunsOneNodeOnPostgresAndAnS3Store() throws Exception {
        JsonNode services = yaml("compose.yaml").path("services");
        assertThat(services.has("timbre") && services.has("postgres") && services.has("s3")).isTrue();
        Map<String, String> env = new HashMap<>();
        services.path("timbre").path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("TIMBRE_API_KEY", "compose-key");
        TimbreConfig c = ConfigLoader.load(Map.of(), env);
        assertThat(c.database().url()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(c.database().password()).isEqualTo(services.path("postgres").path("environment").path("POSTGRES_PASSWORD").asText());
        assertThat(c.storage().blobStore()).isEqualTo("s3");
        assertThat(c.storage().s3().endpoint()).isEqualTo("http://s3:80");
        assertThat(c.storage().s3().secretKey()).isEqualTo(services.path("s3").path("environment").path("S3PROXY_CREDENTIAL").asText());
        assertThat(c.storage().s3().pathStyle()).isTrue();
    }

    @Test
    void theManifestsLineUpAndTheirSettingsLoad() throws Exception {
        List<String> files = YAML.convertValue(yaml("deploy/k8s/kustomization.yaml").path("resources"),
                YAML.getTypeFactory().constructCollectionType(List.class, String.class));
        Map<String, JsonNode> byKind = new HashMap<>();
        for (String f : files) {
            JsonNode doc = yaml("deploy/k8s/" + f);
            byKind.put(doc.path("kind").asText(), doc);
        }
        assertThat(byKind).containsKeys("Namespace", "ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget",
                "HorizontalPodAutoscaler");

        JsonNode deployment = byKind.get("Deployment");
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode container = pod.path("spec").path("containers").get(0);
        assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/ready");
        assertThat(container.path("resources").path("requests").has("cpu")).isTrue();
        JsonNode labels = pod.path("metadata").path("labels");
        for (JsonNode selector : List.of(deployment.path("spec").path("selector").path("matchLabels"),
                byKind.get("Service").path("spec").path("selector"), byKind.get("PodDisruptionBudget").path("spec").path("selector").path("matchLabels"))) {
            for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(labels.path(e.getKey()).asText()).as("selector " + e.getKey()).isEqualTo(e.getValue().asText());
            }
        }
        JsonNode hpa = byKind.get("HorizontalPodAutoscaler").path("spec");
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(deployment.path("metadata").path("name").asText());
        assertThat(hpa.path("metrics").get(0).path("pods").path("metric").path("name").asText()).isEqualTo("timbre_conversations_active");

        Map<String, String> env = new HashMap<>();
        byKind.get("ConfigMap").path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        byKind.get("Secret").path("stringData").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        TimbreConfig c = ConfigLoader.load(Map.of(), env);
        assertThat(c.storage().blobStore()).isEqualTo("s3");
        assertThat(c.database().url()).startsWith("jdbc:postgresql://");
        assertThat(dev.timbre.config.SipSettings.fromEnv(env).enabled()).isFalse();
        assertThat(Long.parseLong(env.get("TIMBRE_DRAIN_SECONDS"))).isLessThan(pod.path("spec").path("terminationGracePeriodSeconds").asLong());
    }

    @Test
    void kustomizeRendersTheManifestsWhereKubectlIsInstalled() throws Exception {
        var kubectl = dev.timbre.audio.UploadDecoder.findOnPath("kubectl");
        org.junit.jupiter.api.Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not installed");
        Process p = new ProcessBuilder(kubectl.get().toString(), "kustomize", ROOT.resolve("deploy/k8s").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.split("(?m)^---$")).hasSize(7);
        assertThat(out).contains("namespace: timbre").contains("image: timbre:local");
    }
}
