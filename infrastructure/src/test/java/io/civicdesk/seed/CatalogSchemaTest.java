package io.civicdesk.seed;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.civicdesk.platform.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue file's JSON Schema is a valid schema, and the example file (the demo council) keeps to it. */
class CatalogSchemaTest {
    static final Path SCHEMA = Path.of("catalogue/catalogue.schema.json");
    static final Path EXAMPLE = Path.of("catalogue/melaleuca.yaml");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void theSchemaIsAValidDraft2020Schema() throws IOException {
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(List.of(), messages(metaSchema.validate(Files.readString(SCHEMA), InputFormat.JSON)));
    }

    @Test
    void theExampleKeepsToTheSchema() throws IOException {
        assertEquals(List.of(), messages(schema().validate(asJson(Files.readString(EXAMPLE)), InputFormat.JSON)));
    }

    @Test
    void theSchemaRefusesAQuestionTypeThereIsNot() throws IOException {
        String mistyped = Files.readString(EXAMPLE).replaceFirst("type: single-choice", "type: dropdwn");
        List<String> errors = messages(schema().validate(asJson(mistyped), InputFormat.JSON));
        assertTrue(errors.stream().anyMatch(error -> error.contains("/services/0/questions/0/type")), errors.toString());
    }

    private static Schema schema() throws IOException {
        return REGISTRY.getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    /** The file as the loader reads it (anchors followed, scalars typed as JSON types them), in JSON. */
    private static String asJson(String yaml) {
        YamlTree.Parsed parsed = YamlTree.parse(yaml, new Mistakes("test.yaml"));
        return Json.write(parsed.root());
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(error -> error.getInstanceLocation() + " " + error.getMessage()).toList();
    }
}
