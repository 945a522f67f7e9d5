package dev.timbre.pronunciationdictionaries;

import java.util.List;

/** The JSON bodies of the dictionary endpoints, field names as in the OpenAPI. */
final class DictionaryRequests {
    private DictionaryRequests() {}

    /** {@code Body_Add_a_pronunciation_dictionary_..._add_from_rules_post}. */
    record FromRules(List<PronunciationRule> rules, String name, String description, String workspaceAccess) {}

    /** {@code Body_Add_rules_to_the_pronunciation_dictionary_...}. */
    record AddRules(List<PronunciationRule> rules) {}

    /** {@code Body_Remove_rules_from_the_pronunciation_dictionary_...}. */
    record RemoveRules(List<String> ruleStrings) {}

    /** {@code Body_Update_pronunciation_dictionary_..._patch}: fields left out stay as they are. */
    record Update(String name, Boolean archived) {}
}
