package dev.timbre.convai.knowledgebase.rag;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A vector as stored in {@code rag_chunk_embeddings.vector}: float32, little-endian, 4 bytes per dimension. */
final class Vectors {
    private Vectors() {}

    static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** Decodes {@code bytes} into {@code into} at {@code offset}; false when the length does not match {@code dims}. */
    static boolean decode(byte[] bytes, float[] into, int offset, int dims) {
        if (bytes.length != dims * 4) return false;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(into, offset, dims);
        return true;
    }
}
