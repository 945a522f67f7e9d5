package dev.timbre.convai.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code X-Twilio-Signature} against the example in Twilio's own signature-validation snippets (TwilioDevEd/api-snippets). */
class TwilioSignatureTest {
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    static Map<String, List<String>> params() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("To", List.of("+18005551212"));
        p.put("CallSid", List.of("CA1234567890ABCDE"));
        p.put("Caller", List.of("+14158675310"));
        p.put("Digits", List.of("1234"));
        p.put("From", List.of("+14158675310"));
        return p;
    }

    @Test
    void twilio_s_documented_example_verifies_whatever_the_parameter_order() {
        assertThat(TwilioSignature.compute("12345", URL, params())).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assertThat(TwilioSignature.valid("12345", URL, params(), "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
    }

    @Test
    void another_token_url_parameter_or_a_missing_signature_does_not() {
        assertThat(TwilioSignature.valid("12346", URL, params(), "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        assertThat(TwilioSignature.valid("12345", URL.replace("foo=1", "foo=2"), params(), "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        Map<String, List<String>> changed = params();
        changed.put("Digits", List.of("1235"));
        assertThat(TwilioSignature.valid("12345", URL, changed, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        assertThat(TwilioSignature.valid("12345", URL, params(), null)).isFalse();
        assertThat(TwilioSignature.valid("", URL, params(), "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
    }
}
