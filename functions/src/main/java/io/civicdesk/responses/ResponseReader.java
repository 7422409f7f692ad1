package io.civicdesk.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.languages.Language;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.TextInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A template as an editor sends it, the product's defaults file, and the offer's query, each field checked. */
public final class ResponseReader {
    static final String DEFAULTS = "/responses/defaults.json";

    private ResponseReader() {
    }

    /** The body of a create or a save; 400 naming every field that is wrong. */
    public static ResponseDraft draft(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        ResponseDraft draft = draft(body, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return draft;
    }

    /** A template from a body or the catalogue file, its mistakes added to {@code errors}. */
    public static ResponseDraft draft(JsonNode body, List<FieldError> errors) {
        String title = TextInput.optional(body.path("title"), "title", "The title", ResponseTemplate.MAX_TITLE, errors);
        if (title == null && errors.stream().noneMatch(e -> e.field().equals("title"))) {
            errors.add(new FieldError("title", "Give the template a title officers will recognise in the list."));
        }
        ResponseUse use = ResponseUse.fromWireName(body.path("use").asText("")).orElse(null);
        if (use == null) {
            errors.add(new FieldError("use", "Choose where it is offered: request, complaint-acknowledgement or complaint-answer."));
        }
        String serviceId = Ids.read(body.path("serviceId"), "serviceId", "service", errors);
        String status = Ids.read(body.path("status"), "status", "status", errors);
        if (status != null && use != null && use != ResponseUse.REQUEST) {
            errors.add(new FieldError("status", "Only a template for requests is offered by status."));
        }
        Language language = Language.of(body.path("language").asText(null)).orElse(null);
        if (language == null) {
            errors.add(new FieldError("language", "Choose the language it is written in: en, ar or vi."));
        }
        String text = TextInput.optional(body.path("text"), "text", "The text", ResponseTemplate.MAX_TEXT, errors);
        if (text == null && errors.stream().noneMatch(e -> e.field().equals("text"))) {
            errors.add(new FieldError("text", "Write the text officers start from."));
        } else if (text != null && !Placeholders.unknown(text).isEmpty()) {
            errors.add(new FieldError("text", "Use only the placeholders {name}, {reference}, {service}, {officer} and {due}; not "
                    + String.join(", ", Placeholders.unknown(text)) + "."));
        }
        Long version = NumberInput.requiredWhole(body.path("version"), "version", 0, Integer.MAX_VALUE,
                "Send the version you were shown (0 for a new template), so a change made meanwhile is not undone.", errors);
        return new ResponseDraft(title, use, serviceId, status, language, text, version == null ? 0 : version.intValue());
    }

    /** The version a retire names, from the query. */
    public static int version(String written) {
        if (written == null || !written.strip().matches("\\d{1,9}")) {
            throw Refusal.invalid("version", "Send the version you were shown, so a change made meanwhile is not undone.");
        }
        return Integer.parseInt(written.strip());
    }

    /** A complaint's offer: acknowledgement or answer. */
    public static ResponseUse complaintUse(String written) {
        if ("acknowledgement".equals(written)) {
            return ResponseUse.COMPLAINT_ACKNOWLEDGEMENT;
        }
        if ("answer".equals(written)) {
            return ResponseUse.COMPLAINT_ANSWER;
        }
        throw Refusal.invalid("use", "Ask for the templates of an acknowledgement or an answer.");
    }

    /**
     * The product's default templates, version 0: what a council has before it saves any of its own. A mistake in
     * the file is a build fault, so it fails loudly (ResponseTemplatesTest reads it).
     */
    public static List<ResponseTemplate> defaults() {
        try (InputStream in = ResponseReader.class.getResourceAsStream(DEFAULTS)) {
            List<ResponseTemplate> templates = new ArrayList<>();
            for (JsonNode node : Json.MAPPER.readTree(in)) {
                List<FieldError> errors = new ArrayList<>();
                ResponseDraft draft = draft(((ObjectNode) node.deepCopy()).put("version", 0), errors);
                String id = node.path("templateId").asText();
                if (!errors.isEmpty() || !Ids.isId(id)) {
                    throw new IllegalStateException(DEFAULTS + ": " + id + " " + errors);
                }
                templates.add(new ResponseTemplate(id, draft.title(), draft.use(), draft.serviceId(), draft.status(),
                        draft.language(), draft.text(), false, 0, Instant.EPOCH, "CivicDesk"));
            }
            return List.copyOf(templates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
