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

    /**
     * One id gives that item's audio; several give a zip with one entry per distinct item (at most
     * {@link #MAX_DOWNLOAD_ITEMS}). Every id is checked (404) and every item's convertibility to WAV (400) before
     * anything is written; the audio is then streamed from storage as the response is written.
     */
    public Download download(List<String> ids, String outputFormat) {
        boolean wav = outputFormat != null && outputFormat.equals("wav");
        if (outputFormat != null && !wav && !outputFormat.equals("default")) {
            throw ApiException.badRequest("invalid_output_format", "output_format must be wav or none");
        }
        List<String> distinct = ids.stream().distinct().toList();
        if (distinct.size() > MAX_DOWNLOAD_ITEMS) {
            throw ApiException.invalid("List should have at most " + MAX_DOWNLOAD_ITEMS + " items after validation, not " + distinct.size(),
                    "too_long", "body", "history_item_ids");
        }
        List<HistoryRepository.Stored> found = distinct.stream().map(this::stored).toList();
        if (wav) for (HistoryRepository.Stored s : found) AudioFiles.checkConvertible(s.item());
        if (found.size() > 1) return new Download("application/zip", "history.zip", out -> AudioFiles.zip(found, wav, this::open, out));
        HistoryRepository.Stored one = found.get(0);
        if (wav) {
            AudioFiles.Entry entry = AudioFiles.toWav(one.item(), read(one));
            return new Download(entry.contentType(), entry.fileName(), out -> out.write(entry.data()));
        }
        AudioFiles.Entry name = new AudioFiles.Entry(one.item(), one.item().contentType(), null);
        return new Download(one.item().contentType(), name.fileName(), out -> {
            try (InputStream in = open(one)) {
                in.transferTo(out);
            }
        });
    }

    /** The most distinct items one download may name (as many as a history page lists). */
    public static final int MAX_DOWNLOAD_ITEMS = MAX_PAGE_SIZE;

    private byte[] read(HistoryRepository.Stored s) {
        try (InputStream in = open(s)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream open(HistoryRepository.Stored s) throws IOException {
        return blobs.open(s.audioKey()).orElseThrow(() -> new IOException("history audio " + s.audioKey() + " is gone"));
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
