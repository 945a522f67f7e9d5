package dev.timbre.studio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A chapter's content as the API shows it: blocks (a paragraph or a heading, {@code sub_type} p, h1, h2, h3), each of
 * one or more text-to-speech nodes with their voice. A block is the unit of conversion (one "paragraph"). Immutable.
 */
public record ChapterContent(List<Block> blocks) {
    /** The most blocks a chapter holds, and characters a node holds (a longer one is spoken in sentence pieces). */
    static final int MAX_BLOCKS = 20_000;
    static final int MAX_NODE_CHARS = 50_000;
    static final Set<String> SUB_TYPES = Set.of("p", "h1", "h2", "h3");
    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {};

    /** A text-to-speech node; {@code projectVoiceRefId} (what newer clients read) is its voice id: a project's voices are the voices themselves. */
    public record Node(String type, String voiceId, String text, String projectVoiceRefId) {
        Node(String type, String voiceId, String text) {
            this(type, voiceId, text, voiceId);
        }
    }

    public record Block(String blockId, String subType, List<Node> nodes) {
        /** The block's text, its nodes' texts joined by a space. */
        String text() {
            return String.join(" ", nodes.stream().map(Node::text).filter(t -> !t.isBlank()).toList());
        }

        boolean heading() {
            return subType != null && subType.startsWith("h");
        }
    }

    public static final ChapterContent EMPTY = new ChapterContent(List.of());

    /** Characters of text in every block. */
    int characters() {
        return blocks.stream().mapToInt(b -> b.text().length()).sum();
    }

    String toJson() {
        return Json.write(blocks);
    }

    static ChapterContent fromJson(String json) {
        try {
            return new ChapterContent(Json.MAPPER.readValue(json, BLOCKS));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored chapter content is not JSON", e);
        }
    }

    /**
     * Paragraphs of plain text as blocks: a short line without closing punctuation is a heading spoken by
     * {@code titleVoice}, the rest paragraphs spoken by {@code paragraphVoice}.
     */
    static ChapterContent fromParagraphs(List<String> paragraphs, String titleVoice, String paragraphVoice) {
        List<Block> blocks = new ArrayList<>();
        for (String p : paragraphs) {
            String text = p.strip();
            if (text.isEmpty()) continue;
            boolean heading = ProjectSources.looksLikeHeading(text);
            blocks.add(new Block(Ids.random(), heading ? "h2" : "p", List.of(new Node("tts_node", heading ? titleVoice : paragraphVoice, text))));
        }
        return new ChapterContent(List.copyOf(blocks));
    }

    /**
     * Blocks from a request ({@code ChapterContentInputModel.blocks} or a {@code from_content_json} chapter), checked:
     * 422 at {@code loc} for a wrong shape; a block without an id gets one, a node without a voice gets
     * {@code defaultVoice}.
     */
    static ChapterContent fromInput(JsonNode blocks, String defaultVoice, Object... loc) {
        if (blocks == null || !blocks.isArray()) throw invalid("Input should be a valid list", "list_type", loc, "blocks");
        if (blocks.size() > MAX_BLOCKS) throw invalid("List should have at most " + MAX_BLOCKS + " items", "too_long", loc, "blocks");
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            if (!b.isObject()) throw invalid("Input should be a valid dictionary", "dict_type", loc, "blocks", i);
            String subType = b.path("sub_type").isTextual() ? b.get("sub_type").asText() : "p";
            if (!SUB_TYPES.contains(subType)) throw invalid("Input should be 'p', 'h1', 'h2' or 'h3'", "enum", loc, "blocks", i, "sub_type");
            JsonNode nodes = b.get("nodes");
            if (nodes == null || !nodes.isArray()) throw invalid("Field required", "missing", loc, "blocks", i, "nodes");
            List<Node> ns = new ArrayList<>();
            for (int j = 0; j < nodes.size(); j++) {
                JsonNode n = nodes.get(j);
                if (!n.isObject()) throw invalid("Input should be a valid dictionary", "dict_type", loc, "blocks", i, "nodes", j);
                if (!n.path("text").isTextual()) throw invalid("Field required", "missing", loc, "blocks", i, "nodes", j, "text");
                String text = n.get("text").asText();
                if (text.length() > MAX_NODE_CHARS) {
                    throw invalid("String should have at most " + MAX_NODE_CHARS + " characters", "string_too_long", loc, "blocks", i, "nodes", j, "text");
                }
                String voice = n.path("voice_id").isTextual() && !n.get("voice_id").asText().isBlank() ? n.get("voice_id").asText() : defaultVoice;
                if (!Ids.isSafe(voice)) throw invalid("Invalid voice id", "value_error", loc, "blocks", i, "nodes", j, "voice_id");
                ns.add(new Node("tts_node", voice, text));
            }
            String id = b.path("block_id").isTextual() && Ids.isSafe(b.get("block_id").asText()) ? b.get("block_id").asText() : Ids.random();
            out.add(new Block(id, subType, List.copyOf(ns)));
        }
        return new ChapterContent(List.copyOf(out));
    }

    /** Voices the blocks name, each once. */
    Set<String> voices() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Block b : blocks) for (Node n : b.nodes()) out.add(n.voiceId());
        return out;
    }

    private static ApiException invalid(String msg, String type, Object[] loc, Object... more) {
        List<Object> at = new ArrayList<>(List.of(loc));
        at.addAll(List.of(more));
        return ApiException.invalid(msg, type, at.toArray());
    }
}
