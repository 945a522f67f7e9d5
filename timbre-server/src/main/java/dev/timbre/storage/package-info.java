/**
 * Storage for audio and other large files, beside the database: the blob store.
 *
 * <ul>
 *   <li>{@link dev.timbre.storage.BlobStore}: {@code put}/{@code get}/{@code open}/{@code exists}/{@code delete} by
 *       readable key. Keys are relative paths of segments {@code [A-Za-z0-9._-]+}, no {@code .} or {@code ..}, at
 *       most 512 characters ({@code checkKey}; anything else is an {@code IllegalArgumentException}). Writes are
 *       atomic: a reader sees nothing or the whole blob. {@code open} returns a stream the caller must close.</li>
 *   <li>{@link dev.timbre.storage.FileSystemBlobStore}: files under {@code <data>/blobs}, folders owner-only; a write
 *       goes to {@code .tmp-*.part} in the blob's folder, is forced to disk ({@code fsync}), atomically renamed over
 *       the key, and the folder is forced; the resolved path must stay under the root. The suffix {@code .part} is
 *       reserved (no key ends with it). {@code removeStaleParts()} (at start-up, before any write) deletes the parts
 *       a crash left; {@code keysWrittenBefore(t)} lists whole blobs for the sweep.</li>
 *   <li>{@link dev.timbre.storage.S3BlobStore}: objects of one bucket of an S3-compatible store (AWS SDK v2, Apache 5
 *       HTTP client), for clusters: every node sees the same blobs. A PUT is atomic; a streamed blob over 8 MiB is a
 *       multipart upload (one part in memory), aborted on failure. {@link dev.timbre.storage.BlobStores#open} picks
 *       the store from {@code config.StorageSettings}.</li>
 *   <li>{@link dev.timbre.storage.BlobSequence}: blobs read back to back as one stream, each opened when the previous
 *       one is used up (a running call's recording parts, a project snapshot's chapters).</li>
 *   <li>{@link dev.timbre.storage.OrphanBlobSweep}: deletes blobs written before this process started (an hour before it on a shared S3 store) that no stored
 *       item refers to; each key prefix has an owner predicate ({@code holdsBlob} of history, voices, speech-to-text,
 *       conversations); keys of no owner ({@code previews/}, a cache) and keys whose owner throws are kept.</li>
 * </ul>
 *
 * <p>Keys in use: {@code history/{id}.{ext}}, {@code voices/{voice}/samples/{sample}.{ext}},
 * {@code previews/{voice}.mp3}, {@code stt-jobs/{id}}, {@code convai/conversations/{id}/audio.mp3}, a running call's
 * {@code convai/conversations/{id}/live/{nnnnn}.mp3}. Readers stream ({@code open}); {@code get} is for small blobs.
 *
 * <p>Rule for callers: a stored item is visible only after its audio is stored: blob first, then the row; if the row
 * fails, the blob is removed. A delete removes the row first (the item is gone at once), then the blob. The invariant
 * across a crash at any point: every row's blob is whole (it was written and forced before the row existed, and it
 * is deleted only after the row); what a crash can leave is a {@code .part} file or a blob with no row, both invisible
 * to clients and both removed at the next start ({@code removeStaleParts}, {@link dev.timbre.storage.OrphanBlobSweep}).
 * Ids reach keys only after {@code Params.id}/{@code Ids.isSafe}. Thread-safe.
 */
package dev.timbre.storage;
