package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.LanguageReader;
import io.civicdesk.languages.Texts;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.PhoneInput;
import io.civicdesk.platform.TextInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a report from its JSON body and checks every field, collecting every problem so the resident can fix
 * them all at once. Messages say what to do, in the resident's words, and name the field by its JSON path.
 */
public final class SubmissionReader {
    static final int MAX_ADDRESS = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;

    // Deliberately plain: one @, something before it, a dot in the domain, no spaces. SES has the last word.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private final List<FieldError> errors = new ArrayList<>();
    private final JsonNode body;
    /** The words of the messages: the resident's language (messages catalogue, error.request.*), English for staff. */
    private final Language wording;
    private final Texts texts;

    private SubmissionReader(JsonNode body, Language wording) {
        this.body = body;
        this.wording = wording;
        this.texts = Texts.of(wording);
    }

    /** A resident's own report, online. */
    public static Report report(JsonNode body) {
        return reportThrough(body, Intake.ONLINE);
    }

    /**
     * A resident's report that reached the council another way without an officer, e.g. {@link Intake#OPEN311}: the
     * same body and the same checks as {@link #report}, recorded with that intake's channel.
     */
    public static Report reportThrough(JsonNode body, Intake intake) {
        return services -> checked(body, services, null, intake);
    }

    /**
     * A report an officer logs for a caller or walk-in: the same checks as a resident's, plus how it came in
     * ({@code channel}) and whether the officer resolved it at first contact. Every problem is reported together.
     */
    public static Report reportOnBehalf(JsonNode body, Actor officer) {
        return services -> checked(body, services, officer, null);
    }

    /** {@code direct}: the intake of a report no officer logged (null when {@code officer} logged it). */
    private static Report.Checked checked(JsonNode body, Function<String, Optional<Service>> services, Actor officer,
                                          Intake direct) {
        String serviceId = serviceId(body);
        Service service = serviceId == null ? null : services.apply(serviceId).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        Submission submission = null;
        try {
            submission = read(body, service, officer == null);
        } catch (Refusal invalid) {
            if (invalid.errors().isEmpty()) {
                throw invalid;
            }
            errors.addAll(invalid.errors());
        }
        Intake intake = officer == null ? direct : intake(body, officer, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Report.Checked(submission, intake);
    }

    /** The service id the body names, or null (none, or not an id): the caller looks it up before reading the rest. */
    public static String serviceId(JsonNode body) {
        return Ids.read(body.path("serviceId"), "serviceId", "service", new ArrayList<>());
    }

    /**
     * @param service the service named by {@link #serviceId}, or null when there was none or it is unknown —
     *                the other fields are still checked so every problem is reported together
     */
    public static Submission read(JsonNode body, Service service) {
        return read(body, service, true);
    }

    /**
     * {@code residentsWords}: a resident's own report is answered in the language it names (the field names stay
     * as they are, for the page to place each message); an officer's in English.
     */
    private static Submission read(JsonNode body, Service service, boolean residentsWords) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
        Language named = residentsWords && body.path(LanguageReader.FIELD).isTextual()
                ? Language.of(body.path(LanguageReader.FIELD).asText()).orElse(Language.SOURCE) : Language.SOURCE;
        SubmissionReader reader = new SubmissionReader(body, named);
        if (service == null) {
            String id = Ids.read(body.path("serviceId"), "serviceId", "service", reader.errors);
            if (id != null) {
                reader.error("serviceId", reader.texts.get("error.request.noSuchService"));
            } else if (!reader.hasError("serviceId")) {
                reader.error("serviceId", reader.texts.get("error.request.chooseService"));
            }
        }
        List<Answer> answers = service == null ? List.of() : reader.answers(service);
        Location location = reader.location();
        String description = reader.text(body.path("description"), "description", "The description", MAX_DESCRIPTION);
        Contact contact = reader.contact();
        PreferredChannel channel = reader.preferredChannel(contact);
        Language language = LanguageReader.field(body, reader.errors);
        String agencyId = Ids.read(body.path("agencyId"), "agencyId", "client agency", reader.errors);
        if (!reader.errors.isEmpty()) {
            throw Refusal.invalid(reader.errors);
        }
        return new Submission(service, answers, location, description, contact, language, channel, agencyId);
    }

    private List<Answer> answers(Service service) {
        JsonNode given = body.path("answers");
        if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
            error("answers", "Answers must be sent as question and answer pairs.");
            return List.of();
        }
        for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (service.question(name).isEmpty()) {
                error("answers." + name, texts.get("error.request.notAsked", "service", lower(service.name(wording))));
            }
        }
        List<Answer> answers = new ArrayList<>();
        for (Question question : service.questions()) {
            List<String> values = answer(service, question, given.path(question.id()));
            if (values != null && !values.isEmpty()) {
                answers.add(new Answer(question.id(), question.label(), values));
            }
        }
        return answers;
    }

    /** The answer's values, or null when it is missing or wrong (and then the error is recorded). */
    private List<String> answer(Service service, Question question, JsonNode value) {
        String field = "answers." + question.id();
        String plainLabel = service.text(wording, "question." + question.id() + ".label", question.label());
        String label = "'" + question.label() + "'";
        boolean blank = value.isMissingNode() || value.isNull()
                || value.isTextual() && value.asText().isBlank() || value.isArray() && value.isEmpty();
        if (blank) {
            if (question.required()) {
                error(field, texts.get(question.type().isChoice() ? "error.request.choose" : "error.request.answer",
                        "label", plainLabel));
            }
            return null;
        }
        return switch (question.type()) {
            case SHORT_TEXT, LONG_TEXT -> {
                String text = text(value, field, label, question.effectiveMaxLength());
                yield text == null ? null : List.of(text);
            }
            case NUMBER -> number(question, value, field, label);
            case DATE -> date(value, field, label);
            case SINGLE_CHOICE -> {
                if (!value.isTextual() || !question.options().contains(value.asText().trim())) {
                    error(field, texts.get("error.request.option", "label", plainLabel));
                    yield null;
                }
                yield List.of(value.asText().trim());
            }
            case MULTIPLE_CHOICE -> choices(question, value, field, plainLabel);
        };
    }

    private List<String> number(Question question, JsonNode value, String field, String label) {
        BigDecimal number = NumberInput.number(value, field, label + " must be a number, like 3.", errors);
        if (number == null) {
            return null;
        }
        boolean tooSmall = question.min() != null && number.compareTo(BigDecimal.valueOf(question.min())) < 0;
        boolean tooBig = question.max() != null && number.compareTo(BigDecimal.valueOf(question.max())) > 0;
        if (tooSmall || tooBig) {
            error(field, label + " must be " + range(question) + ".");
            return null;
        }
        return List.of(number.stripTrailingZeros().toPlainString());
    }

    private static String range(Question question) {
        Function<Double, String> plain = number -> BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        if (question.min() != null && question.max() != null) {
            return "between " + plain.apply(question.min()) + " and " + plain.apply(question.max());
        }
        return question.min() != null ? plain.apply(question.min()) + " or more" : plain.apply(question.max()) + " or less";
    }

    private List<String> date(JsonNode value, String field, String label) {
        LocalDate date = DateInput.read(value, field, label + " must be a real date " + DateInput.YEARS + ", like 2026-11-23.", errors);
        return date == null ? null : List.of(date.toString());
    }

    private List<String> choices(Question question, JsonNode value, String field, String label) {
        if (!value.isArray()) {
            error(field, texts.get("error.request.options", "label", label));
            return null;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || !question.options().contains(item.asText().trim())) {
                error(field, texts.get("error.request.onlyOptions", "label", label));
                return null;
            }
            chosen.add(item.asText().trim());
        }
        // Stored in the order the options are shown, whatever order they were ticked in.
        return question.options().stream().filter(chosen::contains).toList();
    }

    private Location location() {
        JsonNode location = body.path("location");
        if (location.isMissingNode() || location.isNull()) {
            error("location", texts.get("error.request.where"));
            return null;
        }
        if (!location.isObject()) {
            error("location", "The location must be an address, a position, or both.");
            return null;
        }
        String address = text(location.path("address"), "location.address", "The address", MAX_ADDRESS);
        Double latitude = coordinate(location, "latitude", 90);
        Double longitude = coordinate(location, "longitude", 180);
        boolean hasLatitude = !location.path("latitude").isMissingNode() && !location.path("latitude").isNull();
        boolean hasLongitude = !location.path("longitude").isMissingNode() && !location.path("longitude").isNull();
        if (hasLatitude != hasLongitude) {
            error(hasLatitude ? "location.longitude" : "location.latitude",
                    "Give both latitude and longitude, or use an address instead.");
        }
        if (address == null && !hasLatitude && !hasLongitude && !hasError("location.address")) {
            error("location", texts.get("error.request.where"));
        }
        return new Location(address, latitude, longitude);
    }

    private Double coordinate(JsonNode location, String name, int limit) {
        JsonNode value = location.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String message = "The " + name + " must be a number between -" + limit + " and " + limit + ".";
        BigDecimal number = NumberInput.number(value, "location." + name, message, errors);
        if (number == null) {
            return null;
        }
        if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            error("location." + name, message);
            return null;
        }
        return number.doubleValue();
    }

    private Contact contact() {
        JsonNode contact = body.path("contact");
        if (contact.isMissingNode() || contact.isNull()) {
            return Contact.NONE;
        }
        if (!contact.isObject()) {
            error("contact", "Contact details must be a name, an email address and a phone number.");
            return Contact.NONE;
        }
        String name = text(contact.path("name"), "contact.name", "Your name", MAX_NAME);
        String email = text(contact.path("email"), "contact.email", "Your email address", MAX_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            error("contact.email", texts.get("error.request.emailFormat"));
            email = null;
        }
        String phone = text(contact.path("phone"), "contact.phone", "Your phone number", 30);
        if (phone != null) {
            Optional<String> dialled = PhoneInput.e164(phone);
            if (dialled.isEmpty()) {
                error("contact.phone", texts.get("error.request.phoneFormat"));
            }
            phone = dialled.orElse(null);
        }
        return new Contact(name, email, phone);
    }

    private PreferredChannel preferredChannel(Contact contact) {
        JsonNode value = body.path("preferredChannel");
        PreferredChannel channel = value.isTextual() ? PreferredChannel.fromWireName(value.asText().trim()).orElse(null) : null;
        if (channel == null) {
            error("preferredChannel", texts.get("error.request.channel"));
            return null;
        }
        switch (channel) {
            case EMAIL -> {
                if (contact.email() == null && !hasError("contact.email")) {
                    error("contact.email", texts.get("error.request.emailMissing"));
                }
            }
            case SMS -> {
                if (contact.phone() != null && !PhoneInput.canText(contact.phone())) {
                    error("contact.phone", texts.get("error.request.mobileFormat"));
                } else if (contact.phone() == null && !hasError("contact.phone")) {
                    error("contact.phone", texts.get("error.request.mobileMissing"));
                }
            }
            case PHONE -> {
                if (contact.phone() == null && !hasError("contact.phone")) {
                    error("contact.phone", texts.get("error.request.phoneMissing"));
                }
            }
            case NONE -> {
            }
        }
        return channel;
    }

    private String text(JsonNode value, String field, String label, int maxLength) {
        return TextInput.optional(value, field, label, maxLength, errors);
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private static String lower(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Reads the fields an officer adds to a resident's report: {@code channel}, {@code resolvedAtFirstContact}
     * and, when that is true, {@code resolution}. Problems are added to {@code errors}; null when there were any.
     */
    static Intake intake(JsonNode body, Actor officer, List<FieldError> errors) {
        int before = errors.size();
        JsonNode channelNode = body.path("channel");
        String channel = channelNode.isTextual() ? channelNode.asText().strip() : null;
        if (channel == null || !Intake.STAFF_CHANNELS.contains(channel)) {
            errors.add(new FieldError("channel", "Say how the request reached you: phone, counter, email or field."));
        }
        JsonNode firstContact = body.path("resolvedAtFirstContact");
        boolean resolved = false;
        if (!firstContact.isMissingNode() && !firstContact.isNull()) {
            if (!firstContact.isBoolean()) {
                errors.add(new FieldError("resolvedAtFirstContact", "resolvedAtFirstContact must be true or false."));
            } else {
                resolved = firstContact.asBoolean();
            }
        }
        JsonNode resolutionNode = body.path("resolution");
        String resolution = resolutionNode.isTextual() ? resolutionNode.asText().strip() : null;
        if (!resolutionNode.isMissingNode() && !resolutionNode.isNull() && !resolutionNode.isTextual()) {
            errors.add(new FieldError("resolution", "The resolution must be text."));
        } else if (resolved && (resolution == null || resolution.isEmpty())) {
            errors.add(new FieldError("resolution", "Say how you resolved it: the resident is told this."));
        } else if (resolution != null && resolution.codePointCount(0, resolution.length()) > Intake.MAX_RESOLUTION) {
            errors.add(new FieldError("resolution", "The resolution must be " + String.format("%,d", Intake.MAX_RESOLUTION)
                    + " characters or fewer."));
        } else if (!resolved && resolution != null && !resolution.isEmpty()) {
            errors.add(new FieldError("resolution", "A resolution goes with resolvedAtFirstContact: true. "
                    + "Leave it out, or say it was resolved at first contact."));
        }
        return errors.size() > before ? null : new Intake(channel, officer, resolved, resolved ? resolution : null);
    }
}
