package dev.timbre.convai.twilio;

import java.util.Map;

/** The few TwiML documents Timbre answers Twilio with. Values are XML-escaped here. */
final class TwiML {
    static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private TwiML() {}

    /** Connects the call to the Media Stream at {@code wsUrl}, handing it {@code parameters} (its customParameters). */
    static String connectStream(String wsUrl, Map<String, String> parameters) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect><Stream url=\"")
                .append(escape(wsUrl)).append("\">");
        parameters.forEach((k, v) -> x.append("<Parameter name=\"").append(escape(k)).append("\" value=\"").append(escape(v)).append("\"/>"));
        return x.append("</Stream></Connect></Response>").toString();
    }

    /** Says {@code text} and hangs up (a call Timbre cannot take). */
    static String sayAndHangUp(String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>" + escape(text) + "</Say><Hangup/></Response>";
    }

    /** Hands the call to {@code number} (a transfer). */
    static String dial(String number) {
        return "<Response><Dial>" + escape(number) + "</Dial></Response>";
    }

    /**
     * Puts the call into conference {@code name} (a warm transfer's caller); the conference ends when this participant
     * leaves, so the other is hung up too.
     */
    static String conference(String name) {
        return "<Response><Dial><Conference endConferenceOnExit=\"true\">" + escape(name) + "</Conference></Dial></Response>";
    }

    /** Says {@code text} (when not blank) to the answering party, then puts it into conference {@code name} (a warm transfer's operator). */
    static String sayThenConference(String text, String name) {
        String say = text == null || text.isBlank() ? "" : "<Say>" + escape(text) + "</Say>";
        return "<Response>" + say + "<Dial><Conference endConferenceOnExit=\"true\">" + escape(name) + "</Conference></Dial></Response>";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> { if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') b.append(c); }
            }
        }
        return b.toString();
    }
}
