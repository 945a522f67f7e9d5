package dev.timbre.convai.postcall;

/** The system prompts and user messages of the three analysis questions; each asks for one JSON object only. */
final class AnalysisPrompts {
    private AnalysisPrompts() {}

    static final String CRITERIA = """
            You evaluate a finished conversation between an AI agent and a user against success criteria.
            For each criterion decide "success" when the conversation met it, "failure" when it did not, and "unknown"
            when the transcript does not show either. Answer with only a JSON object, no other text, of the form
            {"results": {"<criterion id>": {"result": "success" | "failure" | "unknown", "rationale": "<one or two sentences>"}}}
            with one entry for every criterion id.""";

    static final String DATA = """
            You extract data from a finished conversation between an AI agent and a user.
            For each item give its value with the requested type (string, number, integer or boolean), or null when the
            conversation does not contain it. Answer with only a JSON object, no other text, of the form
            {"values": {"<item id>": {"value": <the typed value or null>, "rationale": "<one sentence>"}}}
            with one entry for every item id.""";

    static final String SUMMARY = """
            You summarise a finished conversation between an AI agent and a user. Answer with only a JSON object, no
            other text, of the form
            {"summary": "<two to four sentences, third person>", "title": "<at most eight words>",
             "call_successful": "success" | "failure" | "unknown"}
            where call_successful says whether the agent achieved the purpose of the conversation.""";

    static String criteria(AnalysisSettings s, String transcript) {
        StringBuilder b = new StringBuilder("Criteria:\n");
        for (AnalysisSettings.Criterion c : s.criteria()) {
            b.append("- id: ").append(c.id()).append("\n  name: ").append(c.name()).append("\n  goal: ").append(c.goalPrompt()).append('\n');
        }
        return b.append("\nTranscript:\n").append(transcript).toString();
    }

    static String data(AnalysisSettings s, String transcript) {
        StringBuilder b = new StringBuilder("Items:\n");
        for (AnalysisSettings.DataItem d : s.dataCollection().values()) {
            b.append("- id: ").append(d.id()).append("\n  type: ").append(d.type()).append("\n  description: ").append(d.description()).append('\n');
        }
        return b.append("\nTranscript:\n").append(transcript).toString();
    }

    static String summary(AnalysisSettings s, String transcript) {
        return "Write the summary and the title in the language with ISO 639-1 code '" + s.language() + "'.\n\nTranscript:\n" + transcript;
    }
}
