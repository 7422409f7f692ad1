package io.civicdesk.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The body of {@code POST /knowledge/outcomes}: {@code {"event", "articleId", "serviceId"?}}, nothing else. */
final class OutcomeReader {
    private static final Set<String> FIELDS = Set.of("event", "articleId", "serviceId");
    private static final String EVENTS = Arrays.stream(KnowledgeEvent.values()).map(KnowledgeEvent::code)
            .collect(Collectors.joining(", "));

    private OutcomeReader() {
    }

    static Outcome read(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the outcome as a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                // Nothing else is kept, so nothing else is taken: no personal information can arrive by accident.
                errors.add(new FieldError(name, "An outcome has only event, articleId and serviceId."));
            }
        });
        JsonNode event = body.path("event");
        KnowledgeEvent known = event.isTextual() ? KnowledgeEvent.of(event.asText()).orElse(null) : null;
        if (known == null) {
            errors.add(new FieldError("event", "Choose the event: one of " + EVENTS + "."));
        }
        String articleId = Ids.read(body.path("articleId"), "articleId", "article", errors);
        if (articleId == null && errors.stream().noneMatch(error -> error.field().equals("articleId"))) {
            errors.add(new FieldError("articleId", "Name the article the outcome is about."));
        }
        String serviceId = Ids.read(body.path("serviceId"), "serviceId", "service", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Outcome(known, articleId, serviceId);
    }
}
