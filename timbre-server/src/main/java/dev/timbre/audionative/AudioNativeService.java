package dev.timbre.audionative;

import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.studio.NewProject;
import dev.timbre.studio.ProjectDetails;
import dev.timbre.studio.Studio;
import dev.timbre.studio.StudioRepository;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Audio Native: a Studio project with player settings, made from an article (HTML or text file, or a URL through the
 * outbound policy), converted as a Studio project (its newest project snapshot is what the player plays), and the
 * embeddable snippet that loads {@code /audio-native/player.js} from this server. Thread-safe.
 */
final class AudioNativeService {
    private final Studio studio;
    private final BlobStore blobs;

    AudioNativeService(Studio studio, BlobStore blobs) {
        this.studio = studio;
        this.blobs = blobs;
    }

    /** A new project; {@code origin} is this server as the caller reached it (for the snippet). */
    AudioNativeViews.Created create(String name, PlayerSettings player, String voiceId, String modelId, NewProject.Document file,
                                    String url, String textNormalization, boolean autoConvert, String origin) {
        if (file == null && url == null) throw ApiException.invalid("Field required", "missing", "body", "file");
        ProjectDetails details = new ProjectDetails(player.title(), player.author(), null, List.of(), null, null, null, null, false,
                null, null, "article", false, null);
        var p = studio.projects().create(new NewProject(name, voiceId, voiceId, modelId, url, file, null, "standard", details, false,
                List.of(), textNormalization, autoConvert, Json.write(player)));
        return new AudioNativeViews.Created(p.projectId(), autoConvert, snippet(p.projectId(), origin));
    }

    AudioNativeViews.Settings settings(String projectId, String origin) {
        var p = find(projectId);
        PlayerSettings s = player(p);
        Optional<String[]> audio = studio.latestAudio(projectId);
        boolean converting = studio.projects().isConverting(p);
        String path = "/audio-native/" + projectId + "/audio.mp3";
        return new AudioNativeViews.Settings(true, audio.map(a -> a[0]).orElse(null), new AudioNativeViews.Player(
                nz(s.title(), p.name()), nz(s.image(), ""), nz(s.author(), ""), s.small(), nz(s.textColor(), PlayerSettings.DEFAULT_TEXT),
                nz(s.backgroundColor(), PlayerSettings.DEFAULT_BACKGROUND), s.sessionization(), audio.isPresent() ? path : null,
                audio.isPresent() ? origin + path : null, converting || audio.isEmpty() ? "processing" : "ready"));
    }

    AudioNativeViews.Edited content(String projectId, NewProject.Document file, boolean autoConvert, boolean autoPublish, String origin) {
        find(projectId);
        if (file == null) throw ApiException.invalid("Field required", "missing", "body", "file");
        studio.projects().replaceContent(projectId, null, file, null, autoConvert);
        return new AudioNativeViews.Edited(projectId, autoConvert, autoConvert && autoPublish, snippet(projectId, origin));
    }

    /** The newest converted audio of an Audio Native project (the public player's); empty when there is none yet. */
    Optional<InputStream> audio(String projectId) throws IOException {
        var p = studio.projects().findOptional(projectId).filter(x -> x.audioNative() != null);
        if (p.isEmpty()) return Optional.empty();
        Optional<String[]> latest = studio.latestAudio(projectId);
        return latest.isEmpty() ? Optional.empty() : blobs.open(latest.get()[1]);
    }

    static String snippet(String projectId, String origin) {
        return "<div id=\"elevenlabs-audionative-widget\" data-height=\"90\" data-width=\"100%\" data-frameborder=\"no\" "
                + "data-scrolling=\"no\" data-projectid=\"" + projectId + "\" data-playerurl=\"" + origin + "/audio-native/player.js\">"
                + "Loading the AudioNative Player...</div><script src=\"" + origin + "/audio-native/player.js\" "
                + "type=\"text/javascript\"></script>";
    }

    private StudioRepository.StoredProject find(String projectId) {
        var p = studio.projects().find(projectId);
        if (p.audioNative() == null) {
            throw ApiException.notFound("project_not_found", "Project " + projectId + " is not an Audio Native project.");
        }
        return p;
    }

    static PlayerSettings player(StudioRepository.StoredProject p) {
        try {
            return Json.MAPPER.readValue(p.audioNative(), PlayerSettings.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored player settings are unreadable", e);
        }
    }

    private static String nz(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v;
    }
}
