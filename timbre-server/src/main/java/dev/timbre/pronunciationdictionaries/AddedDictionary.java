package dev.timbre.pronunciationdictionaries;

/** {@code AddPronunciationDictionaryResponseModel}: a new dictionary and its first version. */
public record AddedDictionary(String id, String name, String createdBy, long creationTimeUnix, String versionId,
                              int versionRulesNum, String description, String permissionOnResource) {}
