package io.civicdesk.guides;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guided conversation written as JSON (the body of {@code PUT /staff/guides/{topicId}}, a topic in the catalogue
 * file's {@code guides:}, and how the store keeps it):
 * <pre>
 * {"title": "...", "intro": "...", "firstStepId": "which-bin", "version": 3,
 *  "steps": [{"stepId": "which-bin", "question": "Which bin was missed?", "answers": [
 *      {"label": "Recycling", "next": "out-by-6am"},
 *      {"label": "Read about bin days", "article": "bin-collection-days"},
 *      {"label": "Report it", "report": "missed-bin", "answers": {"bin-type": "Recycling (yellow lid)"}},
 *      {"label": "Book a hall", "book": "banksia-hall"},
 *      {"label": "Talk to someone", "callBack": true}]}]}
 * </pre>
 * Each answer names exactly one place it leads. Mistakes of shape are named as {@link GuideCheck} names its own
 * ({@code steps.which-bin.answers[1].lead}), so an administrator finds either kind in the same place.
 */
public final class GuideReader {
    public static final int MOST_STEPS = 40;
    private static final List<String> LEADS = List.of("next", "article", "report", "book", "callBack");
    private static final List<String> STEP = List.of("stepId", "question", "answers");
    private static final List<String> ANSWER = List.of("label", "next", "article", "report", "answers", "book", "callBack");

    /**
     * An administrator's change: the guide as they wrote it, the version they read (0 for a new topic), and the
     * mistakes of shape found in it, which {@link GuideAdmin} refuses together with {@link GuideCheck}'s.
     */
    public record Change(Guide guide, int version, List<FieldError> mistakes) {
        public Change {
            mistakes = List.copyOf(mistakes);
        }
    }

    private GuideReader() {
    }

    /** The body of a save; {@code topicId} from the path. Refused at once only when it is not an object at all. */
    public static Change change(JsonNode body, String topicId) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the conversation as a JSON object with title, firstStepId, steps and version.");
        }
        List<FieldError> errors = new ArrayList<>();
        Long version = NumberInput.requiredWhole(body.path("version"), "version", 0, Integer.MAX_VALUE,
                "Send the version you were shown (0 for a new topic), so a change made meanwhile is not undone.", errors);
        JsonNode named = body.path("topicId");
        if (!named.isMissingNode() && !named.isNull() && !named.asText().equals(topicId)) {
            errors.add(new FieldError("topicId", "The topic id in the body is not the topic being saved, " + topicId + "."));
        }
        Guide guide = guide(body, topicId, errors);
        return new Change(guide, version == null ? 0 : version.intValue(), errors);
    }

    /** The {@code version} of a retirement, from the query string. */
    public static int version(String written) {
        if (written == null || !written.strip().matches("\\d{1,9}") || Integer.parseInt(written.strip()) < 1) {
            throw Refusal.invalid("version", "Send the version you were shown, so a change made meanwhile is not undone.");
        }
        return Integer.parseInt(written.strip());
    }

    /** A guide from the catalogue file or the store, its mistakes of shape added to {@code errors}. */
    public static Guide guide(JsonNode body, String topicId, List<FieldError> errors) {
        JsonNode steps = body.path("steps");
        List<GuideStep> read = new ArrayList<>();
        if (!steps.isArray()) {
            errors.add(new FieldError("steps", "Give the steps as a list, each with a stepId, a question and answers."));
        } else if (steps.size() > MOST_STEPS) {
            errors.add(new FieldError("steps", "Keep a conversation to at most " + MOST_STEPS + " steps."));
        } else {
            for (int i = 0; i < steps.size(); i++) {
                read.add(step(steps.get(i), i, errors));
            }
        }
        return new Guide(topicId, text(body, "title", "title", errors), text(body, "intro", "intro", errors),
                text(body, "firstStepId", "firstStepId", errors), read, 0, null, null);
    }

    /** A guide the store wrote, so known to be whole. */
    static Guide stored(JsonNode body, String topicId) {
        List<FieldError> errors = new ArrayList<>();
        Guide guide = guide(body, topicId, errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The stored guide " + topicId + " cannot be read: " + errors);
        }
        return guide;
    }

    private static GuideStep step(JsonNode step, int i, List<FieldError> errors) {
        if (!step.isObject()) {
            errors.add(new FieldError("steps[" + i + "]", "Give each step as an object with a stepId, a question and answers."));
            return new GuideStep(null, null, List.of());
        }
        String stepId = text(step, "stepId", "steps[" + i + "].stepId", errors);
        String at = Ids.isId(stepId) ? "steps." + stepId : "steps[" + i + "]";
        unknown(step, STEP, at, errors);
        String question = text(step, "question", at + ".question", errors);
        JsonNode answers = step.path("answers");
        List<GuideAnswer> read = new ArrayList<>();
        if (!answers.isArray() || answers.size() > GuideStep.MOST_ANSWERS * 2) {
            errors.add(new FieldError(at + ".answers", "Give the answers as a list of " + GuideStep.FEWEST_ANSWERS
                    + " to " + GuideStep.MOST_ANSWERS + ", each with a label and where it leads."));
        } else {
            for (int a = 0; a < answers.size(); a++) {
                read.add(answer(answers.get(a), at + ".answers[" + a + "]", errors));
            }
        }
        return new GuideStep(stepId, question, read);
    }

    private static GuideAnswer answer(JsonNode answer, String at, List<FieldError> errors) {
        if (!answer.isObject()) {
            errors.add(new FieldError(at, "Give each answer as an object with a label and where it leads."));
            return new GuideAnswer(null, null);
        }
        unknown(answer, ANSWER, at, errors);
        String label = text(answer, "label", at + ".label", errors);
        List<String> leads = LEADS.stream().filter(name -> !answer.path(name).isMissingNode() && !answer.path(name).isNull()).toList();
        if (leads.size() != 1) {
            errors.add(new FieldError(at + ".lead", "Say where this answer leads with one of next, article, report, book "
                    + "or callBack" + (leads.isEmpty() ? "." : "; it has " + String.join(" and ", leads) + ".")));
            return new GuideAnswer(label, null);
        }
        String field = at + ".lead";
        Lead lead = switch (leads.get(0)) {
            case "next" -> new Lead.NextStep(text(answer, "next", field, errors));
            case "article" -> new Lead.ReadArticle(text(answer, "article", field, errors));
            case "book" -> new Lead.BookFacility(text(answer, "book", field, errors));
            case "callBack" -> {
                if (!answer.path("callBack").isBoolean() || !answer.path("callBack").booleanValue()) {
                    errors.add(new FieldError(field, "Write callBack: true for an answer that asks us to call back."));
                }
                yield new Lead.CallBack();
            }
            default -> new Lead.ReportForm(text(answer, "report", field, errors), prefilled(answer.path("answers"), field, errors));
        };
        return new GuideAnswer(label, lead);
    }

    private static Map<String, String> prefilled(JsonNode answers, String field, List<FieldError> errors) {
        Map<String, String> read = new LinkedHashMap<>();
        if (answers.isMissingNode() || answers.isNull()) {
            return read;
        }
        if (!answers.isObject() || answers.size() > 20) {
            errors.add(new FieldError(field + ".answers", "Give the answers to fill in as question id: answer, at most 20."));
            return read;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!Ids.isId(entry.getKey())) {
                errors.add(new FieldError(field + ".answers", "\"" + entry.getKey() + "\" is not a question id."));
            } else if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                errors.add(new FieldError(field + ".answers." + entry.getKey(), "Give the answer to fill in as text."));
            } else {
                read.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return read;
    }

    private static void unknown(JsonNode node, List<String> known, String at, List<FieldError> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(new FieldError(at, "\"" + name + "\" is not a field here; the fields are " + String.join(", ", known) + "."));
            }
        });
    }

    private static String text(JsonNode node, String name, String field, List<FieldError> errors) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "Write " + name + " as text."));
            return null;
        }
        return value.asText().strip();
    }
}
