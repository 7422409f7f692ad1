package io.civicdesk.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.QuestionType;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.Intake;
import io.civicdesk.requests.Report;
import io.civicdesk.requests.SubmissionReader;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.civicdesk.open311.Open311CallReader.first;

/**
 * Turns the form of a {@code POST requests} into the portal's own report body, so {@link SubmissionReader} checks
 * it exactly as it checks the portal's form (no second set of rules), and names what it refuses by the form's
 * parameters ({@code attribute[bin-type]}, {@code lat}, {@code email}). {@code attribute[code]} answers a question;
 * a multivaluelist is sent as {@code attribute[code][]}, once per value. Values are typed by the question: a
 * number question's answer is sent on as a number when it reads as one (otherwise as text, which the checks
 * refuse). The contact is kept as the portal keeps it, and mailed a confirmation when an email is given.
 * {@code jurisdiction_id}, {@code device_id}, {@code account_id} and {@code media_url} are accepted and not kept.
 */
public final class Open311FormReader {
    private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[([^\\]]+)](\\[])?$");
    /** The report's fields by their path in the portal's body, and the form parameter each comes from. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "serviceId", "service_code", "location", "address_string", "location.address", "address_string",
            "location.latitude", "lat", "location.longitude", "long", "description", "description",
            "contact", "email", "contact.name", "first_name", "contact.email", "email", "contact.phone", "phone");

    private Open311FormReader() {
    }

    /** The form as a report through Open311, checked against its service when it is submitted. */
    public static Report report(Map<String, List<String>> form) {
        return services -> {
            Service service = Optional.ofNullable(first(form, "service_code")).filter(Ids::isId)
                    .flatMap(services).orElse(null);
            try {
                return SubmissionReader.reportThrough(body(form, service), Intake.OPEN311).check(services);
            } catch (Refusal refused) {
                throw refused.errors().isEmpty() ? refused : Refusal.invalid(refused.errors().stream()
                        .map(error -> new FieldError(parameter(error.field()), error.message())).toList());
            }
        };
    }

    /** The reference of the request the answer to a report made. */
    public static String reference(Idempotency.Answer answer) {
        return Json.parseBody(answer.body()).path("reference").asText();
    }

    /** The service code as the form sent it, or null. */
    public static String serviceCode(Map<String, List<String>> form) {
        return first(form, "service_code");
    }

    static String parameter(String field) {
        if (field.startsWith("answers.")) {
            return "attribute[" + field.substring("answers.".length()) + "]";
        }
        return PARAMETERS.getOrDefault(field, field);
    }

    private static ObjectNode body(Map<String, List<String>> form, Service service) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode body = nodes.objectNode();
        body.put("serviceId", first(form, "service_code"));
        ObjectNode answers = body.putObject("answers");
        form.forEach((name, values) -> {
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (attribute.matches()) {
                String code = attribute.group(1);
                Question question = service == null ? null : service.question(code).orElse(null);
                answers.set(code, answer(question, values, attribute.group(2) != null));
            }
        });
        ObjectNode location = body.putObject("location");
        location.put("address", first(form, "address_string"));
        location.set("latitude", number(first(form, "lat")));
        location.set("longitude", number(first(form, "long")));
        body.put("description", first(form, "description"));
        String name = Stream.of(first(form, "first_name"), first(form, "last_name"))
                .filter(java.util.Objects::nonNull).collect(Collectors.joining(" "));
        ObjectNode contact = body.putObject("contact");
        contact.put("name", name.isEmpty() ? null : name);
        contact.put("email", first(form, "email"));
        contact.put("phone", first(form, "phone"));
        body.put("preferredChannel", first(form, "email") == null ? "none" : "email");
        return body;
    }

    private static JsonNode answer(Question question, List<String> values, boolean many) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<String> given = values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
        if (many || question != null && question.type() == QuestionType.MULTIPLE_CHOICE) {
            ArrayNode array = nodes.arrayNode();
            given.forEach(array::add);
            return array;
        }
        if (given.isEmpty()) {
            return nodes.nullNode();
        }
        return question != null && question.type() == QuestionType.NUMBER ? number(given.get(0)) : nodes.textNode(given.get(0));
    }

    /** A number when the text reads as one; otherwise the text, for the checks to refuse naming it. */
    private static JsonNode number(String text) {
        if (text == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
