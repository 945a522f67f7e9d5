package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A row of {@code agent_tests}: the checked definition (the create/update body, defaults filled in). */
record StoredTest(String testId, String name, ObjectNode definition, long createdAtUnix, long updatedAtUnix) {}
