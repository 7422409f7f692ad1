package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.PhoneInput;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.LanguageReader;
import io.civicdesk.requests.Contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /feedback}'s body into a {@link FeedbackForm}: every mistake named by its field, all at once. The
 * mistakes travel in the form rather than being thrown here, so the lookups' mistakes join them in one answer.
 */
public final class FeedbackReader {
    public static final int MAX_MESSAGE = 4000;
    private static final Set<String> KINDS = Set.of("compliment", "suggestion", FeedbackForm.COMPLAINT);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private FeedbackReader() {
    }

    /** @throws Refusal only when the body is not a JSON object; a wrong field is in {@link FeedbackForm#misread()} */
    public static FeedbackForm read(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the feedback as a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        String kind = Fields.text(body, "kind");
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "Choose a compliment, a suggestion or a complaint."));
        }
        JsonNode about = body.path("about");
        String unitId = Ids.read(about.path("unitId"), "about.unitId", "unit", errors);
        String serviceId = Ids.read(about.path("serviceId"), "about.serviceId", "service", errors);
        String request = Fields.text(about, "requestReference");
        String booking = Fields.text(about, "bookingReference", 40, "The booking reference", errors);
        String officer = Fields.text(about, "officerName", 100, "The officer's name", errors);
        String message = Fields.text(body, "message", MAX_MESSAGE, "Your message", errors);
        if (message == null && errors.stream().noneMatch(e -> e.field().equals("message"))) {
            errors.add(new FieldError("message", "Tell us what you would like to say."));
        }
        JsonNode contact = body.path("contact");
        String name = Fields.text(contact, "name", 100, "Your name", errors);
        String email = Fields.text(contact, "email", 254, "Your email address", errors);
        String phone = PhoneInput.optional(contact.path("phone"), "contact.phone", false, errors);
        boolean texts = PhoneInput.textsChosen(body, phone, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("contact.email", "Enter an email address like name@example.com."));
        } else if (email == null && !texts && FeedbackForm.COMPLAINT.equals(kind)) {
            errors.add(new FieldError("contact.email", "Give an email address, or choose text messages: we send our "
                    + "acknowledgement, answer and reasons to it."));
        }
        errors.replaceAll(e -> switch (e.field()) {
            case "bookingReference", "officerName" -> new FieldError("about." + e.field(), e.message());
            case "name", "email", "phone" -> new FieldError("contact." + e.field(), e.message());
            default -> e;
        });
        if (unitId == null && serviceId == null && request == null && booking == null
                && errors.stream().noneMatch(e -> e.field().startsWith("about."))) {
            errors.add(new FieldError("about", "Tell us which team, service, request or booking this is about."));
        }
        Language language = LanguageReader.field(body, errors);
        return new FeedbackForm(kind, unitId, serviceId, request, booking, officer, message, new Contact(name, email, phone),
                texts, language, errors);
    }
}
