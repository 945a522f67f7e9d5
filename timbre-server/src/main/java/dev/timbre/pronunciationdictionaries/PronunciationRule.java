package dev.timbre.pronunciationdictionaries;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.timbre.http.ApiException;

/**
 * One rule, as the API writes it: an alias rule ({@code type} "alias", {@code alias}) or a phoneme rule ({@code type}
 * "phoneme", {@code phoneme}, {@code alphabet} "ipa" or "cmu-arpabet"). {@code case_sensitive} and
 * {@code word_boundaries} (the current ElevenLabs API and SDKs send them; both default to true) say whether the
 * string matches only as written and only as whole words. Stored in versions as JSON of this record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PronunciationRule(String stringToReplace, String type, String alias, String phoneme, String alphabet,
                                Boolean caseSensitive, Boolean wordBoundaries) {
    public PronunciationRule(String stringToReplace, String type, String alias, String phoneme, String alphabet) {
        this(stringToReplace, type, alias, phoneme, alphabet, null, null);
    }

    public static final String ALIAS = "alias", PHONEME = "phoneme";
    public static final String IPA = "ipa", CMU_ARPABET = "cmu-arpabet";
    static final int MAX_LENGTH = 1000;

    public static PronunciationRule alias(String grapheme, String alias) {
        return new PronunciationRule(grapheme, ALIAS, alias, null, null);
    }

    public static PronunciationRule phoneme(String grapheme, String phoneme, String alphabet) {
        return new PronunciationRule(grapheme, PHONEME, null, phoneme, alphabet);
    }

    boolean isAlias() {
        return ALIAS.equals(type);
    }

    boolean matchesCase() {
        return caseSensitive == null || caseSensitive;
    }

    boolean wholeWords() {
        return wordBoundaries == null || wordBoundaries;
    }

    /** This rule for the text it matched ({@code written}: the same string, perhaps in another case). */
    PronunciationRule asWritten(String written) {
        return new PronunciationRule(written, type, alias, phoneme, alphabet, caseSensitive, wordBoundaries);
    }

    /** This rule with the matching options of {@code other}. */
    private PronunciationRule matching(PronunciationRule other) {
        return new PronunciationRule(stringToReplace, type, alias, phoneme, alphabet, other.caseSensitive, other.wordBoundaries);
    }

    /** This rule, checked; a 422 at {@code body.rules[index]} otherwise. */
    PronunciationRule validate(int index) {
        if (stringToReplace == null) throw missing(index, "string_to_replace");
        if (stringToReplace.isBlank()) {
            throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "rules", index, "string_to_replace");
        }
        if (stringToReplace.length() > MAX_LENGTH) throw tooLong(index, "string_to_replace");
        if (type == null) throw missing(index, "type");
        if (ALIAS.equals(type)) {
            if (alias == null) throw missing(index, "alias");
            if (alias.length() > MAX_LENGTH) throw tooLong(index, "alias");
            return alias(stringToReplace, alias).matching(this);
        }
        if (!PHONEME.equals(type)) {
            throw ApiException.invalid("Input should be 'alias' or 'phoneme'", "literal_error", "body", "rules", index, "type");
        }
        if (phoneme == null) throw missing(index, "phoneme");
        if (phoneme.isBlank()) {
            throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "rules", index, "phoneme");
        }
        if (phoneme.length() > MAX_LENGTH) throw tooLong(index, "phoneme");
        if (alphabet == null) throw missing(index, "alphabet");
        if (!IPA.equals(alphabet) && !CMU_ARPABET.equals(alphabet)) {
            throw ApiException.invalid("Input should be 'ipa' or 'cmu-arpabet'", "literal_error", "body", "rules", index, "alphabet");
        }
        return phoneme(stringToReplace, phoneme, alphabet).matching(this);
    }

    private static ApiException missing(int index, String field) {
        return ApiException.invalid("Field required", "missing", "body", "rules", index, field);
    }

    private static ApiException tooLong(int index, String field) {
        return ApiException.invalid("String should have at most " + MAX_LENGTH + " characters", "string_too_long", "body", "rules", index, field);
    }
}
