/**
 * Studio ({@code /v1/studio/projects}): long-form projects of chapters, converted to audio in the background.
 *
 * <p>Content: a project is made blank, from {@code from_content_json} (chapters of blocks of text-to-speech nodes; plain
 * text there is taken as text, a Timbre extension), from a URL ({@link dev.timbre.studio.ProjectSources} through
 * {@code convai.knowledgebase.UrlPages}: the outbound policy, the page's main text) or from a document (PDF, EPUB,
 * DOCX, HTML, TXT, Markdown through {@code convai.knowledgebase.extract}). A document's text becomes chapters at
 * lines such as "Chapter 3"; a short line without closing punctuation becomes a heading block spoken by the default
 * title voice, the rest paragraphs in the default paragraph voice.
 *
 * <p>Conversion ({@link dev.timbre.studio.Conversion}, queued on {@link dev.timbre.studio.StudioConversions}): a
 * chapter block by block, each block node by node (and a long node sentence piece by piece, at most 2,000 characters)
 * through {@code TextToSpeechService.prepare/convert}, i.e. the one speech layer with the project's model, voices,
 * pronunciation dictionaries and text normalisation. Each block's PCM (24 kHz) is stored (blob, then a
 * {@code studio_paragraph_audio} row) under a fingerprint of all that decides it, so a conversion resumed after a
 * restart, or repeated after an edit, speaks only the blocks it has not got. Then the chapter's blocks are joined with
 * pauses (0.4 s, 0.8 s after a heading), normalised when {@code volume_normalization} (RMS −20 dBFS, peak ≤ −3
 * dBFS per chapter), encoded as MP3 (128 kbit/s for {@code standard}, 192 for higher presets) and stored as a chapter
 * snapshot with the blocks' character alignments. A project conversion converts every chapter, then stores a project
 * snapshot: its chapters' MP3 files back to back, and, for {@code /archive}, the list of those chapter snapshots (a
 * zip of one MP3 per chapter is written on request).
 *
 * <p>Durability: the state is in the database ({@code state = 'converting'} on the project or chapter, progress after
 * every block); {@link dev.timbre.studio.JobConversions} runs each project or chapter conversion as a durable job
 * ({@code jobs.Jobs}: claimed by one node, resumed after a restart or on another node where the last run stopped). A
 * convert asked for while the same project or chapter is converting on this node runs once more after it (an edit
 * made meanwhile is converted too). Characters are
 * charged to the server's own account ({@code Caller.INTERNAL}); conversions write no history items.
 *
 * <p>Limits: a whole snapshot is encoded in memory (a chapter; a project's file is its chapters' bytes), so very long
 * chapters cost memory in proportion (about 1 MB per minute at 128 kbit/s); the project audio is MP3 whatever
 * {@code convert_to_mpeg} says. Captions, video, quality checks and {@code auto_assign_voices} are not implemented
 * ({@code captions_enabled} false, {@code quality_check_on} false). Podcasts: {@code studio.podcasts}.
 */
package dev.timbre.studio;
