/**
 * {@code /v1/history}: the record of generated audio (text to speech and dialogue) and its download.
 *
 * <ul>
 *   <li>{@link dev.timbre.history.HistoryRoutes}: list ({@code page_size} 1–1000, default 100; {@code voice_id},
 *       {@code model_id}, {@code date_before_unix} exclusive / {@code date_after_unix} inclusive, {@code search}
 *       (case-insensitive substring of the text), {@code source} TTS/STS, {@code sort_direction} (default desc);
 *       cursor {@code start_after_history_item_id}, an unknown one is 422), get, {@code …/audio} (streamed, the stored
 *       content type), delete, {@code POST /download}.</li>
 *   <li>{@link dev.timbre.history.HistoryService}: {@code record(NewHistoryItem)} is called by the generating
 *       services when the audio is complete (the bytes exactly as returned to the client). Download: one id → that
 *       file, several → a zip with one entry per distinct item; {@code output_format} {@code wav} transcodes
 *       ({@link dev.timbre.history.AudioFiles}), null/{@code default} keeps the stored bytes, anything else 400.</li>
 *   <li>{@link dev.timbre.history.HistoryRepository}: table {@code history_items}, ordered by {@code seq} (insertion
 *       order); {@code settings}, {@code feedback}, {@code alignments}, {@code dialogue} stored as JSON text and
 *       served as they are.</li>
 *   <li>{@link dev.timbre.history.HistoryItem}, {@link dev.timbre.history.HistoryPage}: the wire shapes
 *       ({@code SpeechHistoryItemResponseModel}, {@code GetSpeechHistoryResponseModel}).</li>
 * </ul>
 *
 * <p>Invariants: an item becomes visible only once its audio is stored (blob {@code history/{id}.{ext}} first, then
 * the row; a failed insert removes the blob); delete removes the row first, then the audio. Unsafe ids are 404
 * {@code history_item_not_found}. The audio stream returned by {@code audio} is closed by the caller.
 */
package dev.timbre.history;
