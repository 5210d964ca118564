package org.qdl.protocol.model.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.Set;
import org.qdl.sim.InvalidInputException;

/**
 * Validates model and party files against the checked-in JSON Schema (resource
 * {@code model.schema.json}, draft 2020-12). The validator's report is reduced to one line: the
 * file, the key path of the deepest problem, what is wrong and the value found.
 */
final class SchemaCheck {
    private static final String RESOURCE = "classpath:org/qdl/protocol/model/file/model.schema.json";
    private static JsonSchema model;
    private static JsonSchema party;

    private SchemaCheck() {}

    private static synchronized JsonSchema schema(boolean partyFile) {
        if (model == null) {
            JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            model = f.getSchema(SchemaLocation.of(RESOURCE));
            party = f.getSchema(SchemaLocation.of(RESOURCE + "#/$defs/partyFile"));
        }
        return partyFile ? party : model;
    }

    static void model(JsonNode root, String source) {
        check(schema(false).validate(root), source);
    }

    static void party(JsonNode root, String source) {
        check(schema(true).validate(root), source);
    }

    private static void check(Set<ValidationMessage> errors, String source) {
        if (errors.isEmpty()) return;
        // the deepest location names the real problem; combinators (oneOf, if) only repeat it
        ValidationMessage m = errors.stream()
                .min(Comparator.comparingInt((ValidationMessage v) -> v.getType().equals("oneOf") ? 1 : 0)
                        .thenComparingInt(v -> -v.getInstanceLocation().getNameCount())
                        .thenComparing(ValidationMessage::getMessage))
                .get();
        String path = m.getInstanceLocation().toString();
        path = path.equals("$") ? "" : path.startsWith("$.") ? path.substring(2) : path.substring(1);
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        if (colon >= 0 && text.startsWith("$")) text = text.substring(colon + 2);
        if (m.getType().equals("additionalProperties") && m.getProperty() != null) {
            text = "unknown key '" + m.getProperty() + "'";
        }
        JsonNode v = m.getInstanceNode();
        String found = v != null && v.isValueNode() && !text.contains(v.toString()) ? " (found " + Json.show(v) + ")" : "";
        throw new InvalidInputException(source + ": " + (path.isEmpty() ? "" : path + ": ") + text + found);
    }
}
