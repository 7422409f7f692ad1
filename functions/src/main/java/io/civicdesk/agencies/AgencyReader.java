package io.civicdesk.agencies;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.TextInput;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the staff page's bodies: an agency ({@code {id, name, accountManagerId, contacts: [{role, name, email}],
 * serviceIds, version}}) and a version of its agreement ({@code {effectiveFrom, frequency, priceCents, reviewDate,
 * targets: [{serviceId, priority, firstResponseHours, resolutionHours}]}}). Every mistake is named by its field.
 */
public final class AgencyReader {
    static final int MAX_NAME = 120;
    static final int MAX_CONTACTS = 20;
    /** A target longer than a year of business hours is a typing mistake. */
    private static final long MAX_HOURS = 2_000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    private AgencyReader() {
    }

    /** An agency as typed; {@code version} null for a new one, which also names the services its first agreement covers. */
    public record AgencyForm(String id, String name, String accountManagerId, List<ContactForm> contacts,
                             List<String> serviceIds, Long version) {
    }

    public record ContactForm(Agency.Role role, String name, String email) {
    }

    public static AgencyForm agency(JsonNode body, boolean creating) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        String id = creating ? Ids.read(body.path("id"), "id", "agency", errors) : null;
        if (creating && id == null && errors.stream().noneMatch(e -> e.field().equals("id"))) {
            errors.add(new FieldError("id", "Give the agency a short id: lower-case letters, digits and hyphens."));
        }
        String name = TextInput.optional(body.path("name"), "name", "The agency's name", MAX_NAME, errors);
        if (name == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            errors.add(new FieldError("name", "Give the agency's name."));
        }
        String manager = Ids.read(body.path("accountManagerId"), "accountManagerId", "account manager", errors);
        if (manager == null && errors.stream().noneMatch(e -> e.field().equals("accountManagerId"))) {
            errors.add(new FieldError("accountManagerId", "Choose the agency's account manager."));
        }
        List<ContactForm> contacts = contacts(body.path("contacts"), errors);
        List<String> serviceIds = creating ? ids(body.path("serviceIds"), "serviceIds", errors) : List.of();
        if (creating && serviceIds.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("serviceIds"))) {
            errors.add(new FieldError("serviceIds", "Choose at least one service the agreement covers."));
        }
        Long version = creating ? null : NumberInput.requiredWhole(body.path("version"), "version", 1, Long.MAX_VALUE,
                "Give the version you read.", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new AgencyForm(id, name, manager, contacts, serviceIds, version);
    }

    private static List<ContactForm> contacts(JsonNode node, List<FieldError> errors) {
        List<ContactForm> contacts = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new FieldError("contacts", "Give at least one contact at the agency, who will receive its reports."));
            return contacts;
        }
        if (node.size() > MAX_CONTACTS) {
            errors.add(new FieldError("contacts", "An agency has at most " + MAX_CONTACTS + " contacts."));
            return contacts;
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode contact = node.get(i);
            String field = "contacts[" + i + "]";
            Agency.Role role = Agency.Role.fromWireName(contact.path("role").asText()).orElse(null);
            if (role == null) {
                errors.add(new FieldError(field + ".role", "Choose corporate-purchaser, business-manager or function-manager."));
            }
            String name = TextInput.optional(contact.path("name"), field + ".name", "The contact's name", MAX_NAME, errors);
            if (name == null && errors.stream().noneMatch(e -> e.field().equals(field + ".name"))) {
                errors.add(new FieldError(field + ".name", "Give the contact's name."));
            }
            String email = TextInput.optional(contact.path("email"), field + ".email", "The email address", 254, errors);
            if (email == null || !EMAIL.matcher(email).matches()) {
                errors.add(new FieldError(field + ".email", "Give an email address like name@agency.example."));
            } else if (!emails.add(email.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new FieldError(field + ".email", "This address is already one of the agency's contacts."));
            }
            contacts.add(new ContactForm(role, name, email));
        }
        return contacts;
    }

    /** A version of an agreement as typed. */
    public static Agreement agreement(JsonNode body, String agencyId) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        LocalDate effective = DateInput.required(body.path("effectiveFrom"), "effectiveFrom",
                "Give the day the agreement takes effect, as YYYY-MM-DD.", errors);
        Agreement.Frequency frequency = body.path("frequency").isMissingNode() ? Agreement.Frequency.QUARTERLY
                : Agreement.Frequency.fromWireName(body.path("frequency").asText()).orElse(null);
        if (frequency == null) {
            errors.add(new FieldError("frequency", "Reports go quarterly, monthly or weekly."));
        }
        Long price = NumberInput.whole(body.path("priceCents"), "priceCents", 0, 100_000_000,
                "The price of a unit of work is a whole number of cents, or none when the agency is not charged.", errors);
        LocalDate review = DateInput.required(body.path("reviewDate"), "reviewDate",
                "Give the day the agreement is next reviewed, as YYYY-MM-DD.", errors);
        if (effective != null && review != null && !review.isAfter(effective)) {
            errors.add(new FieldError("reviewDate", "The review must fall after the agreement takes effect."));
        }
        List<Agreement.Target> targets = targets(body.path("targets"), errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Agreement(agencyId, 0, effective, frequency, price, review, targets);
    }

    private static List<Agreement.Target> targets(JsonNode node, List<FieldError> errors) {
        List<Agreement.Target> targets = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new FieldError("targets", "Give at least one service the agreement covers."));
            return targets;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode target = node.get(i);
            String field = "targets[" + i + "]";
            String serviceId = Ids.read(target.path("serviceId"), field + ".serviceId", "service", errors);
            if (serviceId == null && errors.stream().noneMatch(e -> e.field().equals(field + ".serviceId"))) {
                errors.add(new FieldError(field + ".serviceId", "Choose the service."));
            }
            String priority = target.path("priority").isMissingNode() || target.path("priority").isNull()
                    || target.path("priority").asText().isBlank() ? null : target.path("priority").asText().strip();
            if (priority != null && !PRIORITIES.contains(priority)) {
                errors.add(new FieldError(field + ".priority", "A priority is low, normal, high or urgent, or none for any."));
            }
            Long response = NumberInput.whole(target.path("firstResponseHours"), field + ".firstResponseHours", 1, MAX_HOURS,
                    "The first response is a whole number of business hours from 1 to " + MAX_HOURS + ", or none for the standard.", errors);
            Long resolution = NumberInput.whole(target.path("resolutionHours"), field + ".resolutionHours", 1, MAX_HOURS,
                    "Resolution is a whole number of business hours from 1 to " + MAX_HOURS + ", or none for the standard.", errors);
            if ((response == null) != (resolution == null)) {
                errors.add(new FieldError(field + ".resolutionHours", "Give both targets of the agency's own, or neither for the standard."));
            } else if (response != null && resolution < response) {
                errors.add(new FieldError(field + ".resolutionHours", "Resolution cannot be sooner than the first response."));
            }
            if (serviceId != null && !seen.add(serviceId + "#" + priority)) {
                errors.add(new FieldError(field + ".serviceId", "This service (at this priority) already has a target above."));
            }
            targets.add(new Agreement.Target(serviceId, priority, response == null ? null : Duration.ofHours(response),
                    resolution == null ? null : Duration.ofHours(resolution)));
        }
        return targets;
    }

    private static List<String> ids(JsonNode node, String field, List<FieldError> errors) {
        List<String> ids = new ArrayList<>();
        if (!node.isArray()) {
            return ids;
        }
        for (JsonNode id : node) {
            String read = Ids.read(id, field, "service", errors);
            if (read != null && !ids.contains(read)) {
                ids.add(read);
            }
        }
        return ids;
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
    }

    /** The unsubscribe link's body: {@code {token}}. */
    public static String token(JsonNode body) {
        requireObject(body);
        String token = body.path("token").isTextual() ? body.path("token").asText().strip() : "";
        if (token.isEmpty() || token.length() > 100) {
            throw Refusal.invalid("token", "This link is not complete. Open the whole link from the mail.");
        }
        return token;
    }
}
