/**
 * Storage for audio and other large files, beside the database: the blob store.
 *
 * <ul>
 *   <li>{@link dev.timbre.storage.BlobStore}: {@code put}/{@code get}/{@code open}/{@code exists}/{@code delete} by
 *       readable key. Keys are relative paths of segments {@code [A-Za-z0-9._-]+}, no {@code .} or {@code ..}, at
 *       most 512 characters ({@code checkKey}; anything else is an {@code IllegalArgumentException}). Writes are
 *       atomic: a reader sees nothing or the whole blob. {@code open} returns a stream the caller must close.</li>
 *   <li>{@link dev.timbre.storage.FileSystemBlobStore}: files under {@code <data>/blobs}; a write goes to a temporary
 *       file in the same folder, then an atomic rename; the resolved path must stay under the root.</li>
 * </ul>
 *
 * <p>Keys in use: {@code history/{id}.{ext}}, {@code voices/{voice}/samples/{sample}.{ext}},
 * {@code previews/{voice}.mp3}, {@code stt-jobs/{id}}, {@code convai/conversations/{id}/audio.mp3}.
 *
 * <p>Rule for callers: a stored item is visible only after its audio is stored: blob first, then the row; if the row
 * fails, the blob is removed. Ids reach keys only after {@code Params.id}/{@code Ids.isSafe}. Thread-safe.
 */
package dev.timbre.storage;
