package dev.timbre.history;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records generated audio and serves it back. An item becomes visible only once its audio is fully stored; a
 * failed insert removes the blob again, and deleting an item removes its row first, then its audio.
 */
public final class HistoryService {
    public static final int MAX_PAGE_SIZE = 1000;

    private final HistoryRepository items;
    private final BlobStore blobs;
    private final Clock clock;

    public HistoryService(HistoryRepository items, BlobStore blobs, Clock clock) {
        this.items = items;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Stores the audio, then the item; returns the item as the API shows it. Thread-safe. */
    public HistoryItem record(NewHistoryItem n) {
        return record(newId(), n);
    }

    /** A fresh history item id, for callers that must announce it (a response header) before the audio exists. */
    public String newId() {
        return Ids.random();
    }

    /** As {@link #record(NewHistoryItem)}, under an id from {@link #newId()}. */
    public HistoryItem record(String id, NewHistoryItem n) {
        HistoryItem item = new HistoryItem(id, n.requestId(), n.voiceId(), n.modelId(), n.voiceName(), n.voiceCategory(), n.text(),
                clock.instant().getEpochSecond(), n.characterCountChangeFrom(), n.characterCountChangeTo(), n.contentType(),
                "created", n.settings(), null, null, n.source(), null, n.dialogue(), n.outputFormat());
        String key = "history/" + id + "." + AudioFiles.extension(n.contentType(), n.outputFormat());
        try {
            blobs.put(key, n.audio());
            try {
                items.insert(item, key);
            } catch (RuntimeException e) {
                blobs.delete(key);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store history audio", e);
        }
        return item;
    }

    public HistoryPage list(HistoryQuery q) {
        Long afterSeq = null;
        if (q.startAfterHistoryItemId() != null) {
            afterSeq = Optional.of(q.startAfterHistoryItemId()).filter(Ids::isSafe).flatMap(items::find)
                    .map(HistoryRepository.Stored::seq)
                    .orElseThrow(() -> ApiException.invalid("No history item with this id", "value_error", "query", "start_after_history_item_id"));
        }
        List<HistoryItem> found = new ArrayList<>(items.list(q, afterSeq, q.pageSize() + 1));
        boolean more = found.size() > q.pageSize();
        if (more) found.remove(found.size() - 1);
        HistoryItem last = found.isEmpty() ? null : found.get(found.size() - 1);
        return new HistoryPage(found, last == null ? null : last.historyItemId(), more, last == null ? null : last.dateUnix());
    }

    public HistoryItem get(String id) {
        return stored(id).item();
    }

    /** The item's audio stream, which the caller must close, with its item for the content type. */
    public Audio audio(String id) {
        HistoryRepository.Stored s = stored(id);
        try {
            InputStream in = blobs.open(s.audioKey()).orElseThrow(() -> notFound(id));
            return new Audio(s.item(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Audio(HistoryItem item, InputStream data) {}

    public void delete(String id) {
        HistoryRepository.Stored s = stored(id);
        if (!items.delete(id)) throw notFound(id);
        try {
            blobs.delete(s.audioKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One id gives that item's audio; several give a zip with one entry per distinct item. */
    public Download download(List<String> ids, String outputFormat) {
        boolean wav = outputFormat != null && outputFormat.equals("wav");
        if (outputFormat != null && !wav && !outputFormat.equals("default")) {
            throw ApiException.badRequest("invalid_output_format", "output_format must be wav or none");
        }
        List<AudioFiles.Entry> entries = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            HistoryRepository.Stored s = stored(id);
            byte[] audio;
            try {
                audio = blobs.get(s.audioKey()).orElseThrow(() -> notFound(id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            entries.add(wav ? AudioFiles.toWav(s.item(), audio) : new AudioFiles.Entry(s.item(), s.item().contentType(), audio));
        }
        return entries.size() == 1 ? AudioFiles.single(entries.get(0)) : AudioFiles.zip(entries);
    }

    private HistoryRepository.Stored stored(String id) {
        if (!Ids.isSafe(id)) throw notFound(id);
        return items.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        String shown = id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return ApiException.notFound("history_item_not_found", "History item '" + shown + "' not found");
    }

    /** Whether {@code key} (a blob key {@code history/{id}.{ext}}) is the audio of a stored item; for the orphan sweep. */
    public boolean holdsBlob(String key) {
        String name = key.startsWith("history/") ? key.substring("history/".length()) : "";
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || name.contains("/")) return false;
        return items.find(name.substring(0, dot)).map(s -> s.audioKey().equals(key)).orElse(false);
    }
}
