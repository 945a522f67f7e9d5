package dev.timbre.pronunciationdictionaries;

/** {@code GetPronunciationDictionaryMetadataResponseModel}: a dictionary and its latest version. */
public record DictionaryMetadata(String id, String latestVersionId, int latestVersionRulesNum, String name,
                                 String permissionOnResource, String createdBy, long creationTimeUnix,
                                 Long archivedTimeUnix, String description) {}
