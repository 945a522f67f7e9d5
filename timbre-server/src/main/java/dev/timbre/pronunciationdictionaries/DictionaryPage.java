package dev.timbre.pronunciationdictionaries;

import java.util.List;

/** {@code GetPronunciationDictionariesMetadataResponseModel}: one page of the listing. */
public record DictionaryPage(List<DictionaryMetadata> pronunciationDictionaries, String nextCursor, boolean hasMore) {}
