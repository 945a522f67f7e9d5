package dev.timbre.pronunciationdictionaries;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GetPronunciationDictionaryMetadataResponseModel}: a dictionary and its latest version. The single GET adds
 * {@code rules} (the latest version's, as the current ElevenLabs API and SDKs expect there); listings and updates
 * leave it out.
 */
public record DictionaryMetadata(String id, String latestVersionId, int latestVersionRulesNum, String name,
                                 String permissionOnResource, String createdBy, long creationTimeUnix,
                                 Long archivedTimeUnix, String description,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<PronunciationRule> rules) {
    DictionaryMetadata withRules(List<PronunciationRule> latest) {
        return new DictionaryMetadata(id, latestVersionId, latestVersionRulesNum, name, permissionOnResource, createdBy,
                creationTimeUnix, archivedTimeUnix, description, latest);
    }
}
