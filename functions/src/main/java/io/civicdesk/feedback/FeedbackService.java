package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Transaction;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.RequestWithUpdates;
import io.civicdesk.requests.ServiceRequest;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Compliments, suggestions and complaints, at any time, about a unit, a service, a request (by reference) or a
 * booking (by reference). Contact details are optional for compliments and suggestions; a complaint needs an
 * email address, because its acknowledgement, outcome and reasons are sent to it. A complaint becomes a case
 * with its own targets; a compliment or suggestion is mailed to the unit's inbox.
 */
public final class FeedbackService {
    public static final int MAX_MESSAGE = 4000;
    private static final Set<String> KINDS = Set.of("compliment", "suggestion", "complaint");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final CatalogStore catalog;
    private final RequestStore requests;
    private final ComplaintStore complaints;
    private final FeedbackStore feedback;
    private final OutboxStore outbox;
    private final StaffDirectory staff;
    /** The table the idempotency records go in (the feedback table). */
    private final String idempotencyTable;
    private final ComplaintTargets targets;
    private final CouncilCalendar council;
    private final Clock clock;
    private final SecureRandom random;
    private final String portalUrl;

    public FeedbackService(DynamoDbClient dynamo, CatalogStore catalog, RequestStore requests, ComplaintStore complaints,
                           FeedbackStore feedback, OutboxStore outbox, StaffDirectory staff, String idempotencyTable,
                           ComplaintTargets targets, Clock clock, SecureRandom random, String portalUrl) {
        this.dynamo = dynamo;
        this.catalog = catalog;
        this.requests = requests;
        this.complaints = complaints;
        this.feedback = feedback;
        this.outbox = outbox;
        this.staff = staff;
        this.idempotencyTable = idempotencyTable;
        this.targets = targets;
        this.council = new CouncilCalendar(catalog, clock);
        this.clock = clock;
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    public record Sent(int status, String body) {
    }

    private record Read(String kind, Complaint.About about, String unitId, String serviceId, String theme, String message,
                        Contact contact) {
    }

    public Sent submit(JsonNode body, Idempotency.Key key) {
        Optional<Idempotency.Answer> first = (key == null ? Optional.<Idempotency.Answer>empty() : Idempotency.replay(dynamo, idempotencyTable, key));
        if (first.isPresent()) {
            return new Sent(first.get().status(), first.get().body());
        }
        Read read = read(body);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return "complaint".equals(read.kind()) ? complaint(read, key) : toUnit(read, key);
            } catch (Refused refused) {
                if (refused.failed("idempotency") || refused.conflict() && key != null) {
                    Optional<Idempotency.Answer> replay = (key == null ? Optional.<Idempotency.Answer>empty() : Idempotency.replay(dynamo, idempotencyTable, key));
                    if (replay.isPresent()) {
                        return new Sent(replay.get().status(), replay.get().body());
                    }
                }
                // A reference already taken: draw another.
            }
        }
        throw new IllegalStateException("No feedback stored after " + ATTEMPTS + " attempts");
    }

    private Sent complaint(Read read, Idempotency.Key key) {
        Instant now = clock.instant();
        LocalDate today = council.calendar().localDate(now);
        String secret = Hashes.newSecret(random);
        String reference = Reference.random(random).value();
        Complaint complaint = new Complaint(reference, null, read.unitId(), read.serviceId(), read.theme(), read.about(),
                read.message(), read.contact(), now, Complaint.RECEIVED, targets.acknowledgeBy(council.calendar(), today),
                targets.answerBy(council.calendar(), today), null, null, null, null, null, null, null, null,
                Hashes.sha256(secret), 1);
        String privateLink = portalUrl + "/complaint.html?ref=" + reference + "#key=" + secret;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", "complaint");
        answer.put("reference", reference);
        answer.put("displayReference", FeedbackMails.display(reference));
        answer.put("privateLink", privateLink);
        answer.put("targets", Map.of("acknowledgeBy", complaint.acknowledgeBy().toString(), "answerBy", complaint.answerBy().toString()));
        Sent sent = new Sent(201, Json.write(answer));
        Mail mail = FeedbackMails.complaintReceived(council.council().name(), complaint, privateLink);
        Transaction transaction = new Transaction().put("case", complaints.create(complaint))
                .put("mail", outbox.pendingMail(mail, now));
        commit(transaction, key, sent, now);
        Log.info("complaint.received", Map.of("reference", reference, "unitId", String.valueOf(read.unitId())));
        return sent;
    }

    private Sent toUnit(Read read, Idempotency.Key key) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Sent sent = new Sent(201, Json.write(Map.of("kind", read.kind(),
                "message", "Thank you. Your " + read.kind() + " has been passed to the team concerned.")));
        Transaction transaction = new Transaction().put("feedback",
                feedback.create(id, read.kind(), read.unitId(), read.serviceId(), read.about(), read.message(), read.contact(), now));
        Unit unit = read.unitId() == null ? null : catalog.unit(read.unitId()).orElse(null);
        if (unit != null && unit.email() != null) {
            Mail mail = FeedbackMails.toUnit(council.council().name(), unit.email(), read.kind(), unit.name(), read.about(),
                    read.message(), read.contact().name());
            transaction.put("mail", outbox.pendingMail(mail, now));
        }
        StaffMember officer = namedOfficer(read);
        if (officer != null) {
            Mail mail = FeedbackMails.toOfficer(council.council().name(), officer, unit == null ? null : unit.name(), read.about(),
                    read.message(), read.contact().name());
            transaction.put("officerMail", outbox.pendingMail(mail, now));
        }
        commit(transaction, key, sent, now);
        Log.info("feedback.received", Map.of("kind", read.kind(), "unitId", String.valueOf(read.unitId())));
        return sent;
    }

    /**
     * The officer a compliment names, if exactly one in the directory has that name (in the unit it is about, if
     * any): two of the same name would leave the compliment's owner in doubt, so then only the unit hears of it.
     */
    private StaffMember namedOfficer(Read read) {
        if (!"compliment".equals(read.kind()) || read.about().officerName() == null) {
            return null;
        }
        List<StaffMember> named = staff.named(read.about().officerName(), read.unitId());
        return named.size() == 1 && named.get(0).email() != null ? named.get(0) : null;
    }

    private void commit(Transaction transaction, Idempotency.Key key, Sent sent, Instant now) {
        if (key != null) {
            transaction.put("idempotency", Idempotency.put(idempotencyTable, key, new Idempotency.Answer(sent.status(), sent.body()), now));
        }
        transaction.commit(dynamo);
    }

    private Read read(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the feedback as a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        String kind = Fields.text(body, "kind");
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "Choose a compliment, a suggestion or a complaint."));
        }
        JsonNode aboutNode = body.path("about");
        String unitId = Ids.read(aboutNode.path("unitId"), "about.unitId", "unit", errors);
        String serviceId = Ids.read(aboutNode.path("serviceId"), "about.serviceId", "service", errors);
        String typedRequest = Fields.text(aboutNode, "requestReference");
        String booking = Fields.text(aboutNode, "bookingReference", 40, "The booking reference", errors);
        String officer = Fields.text(aboutNode, "officerName", 100, "The officer's name", errors);
        String message = Fields.text(body, "message", MAX_MESSAGE, "Your message", errors);
        if (message == null && errors.stream().noneMatch(e -> e.field().equals("message"))) {
            errors.add(new FieldError("message", "Tell us what you would like to say."));
        }
        JsonNode contactNode = body.path("contact");
        String name = Fields.text(contactNode, "name", 100, "Your name", errors);
        String email = Fields.text(contactNode, "email", 254, "Your email address", errors);
        String phone = Fields.text(contactNode, "phone", 30, "Your phone number", errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("contact.email", "Enter an email address like name@example.com."));
        } else if (email == null && "complaint".equals(kind)) {
            errors.add(new FieldError("contact.email", "Give an email address: we send our acknowledgement, answer and reasons to it."));
        }
        errors.replaceAll(e -> switch (e.field()) {
            case "bookingReference", "officerName" -> new FieldError("about." + e.field(), e.message());
            case "name", "email", "phone" -> new FieldError("contact." + e.field(), e.message());
            default -> e;
        });
        Unit unit = null;
        if (unitId != null) {
            unit = catalog.unit(unitId).orElse(null);
            if (unit == null) {
                errors.add(new FieldError("about.unitId", "Choose a team from the list."));
            }
        }
        Service service = null;
        if (serviceId != null) {
            service = catalog.service(serviceId).orElse(null);
            if (service == null) {
                errors.add(new FieldError("about.serviceId", "Choose a service from the list."));
            }
        }
        ServiceRequest request = null;
        if (typedRequest != null) {
            Optional<Reference> reference = Reference.parse(typedRequest);
            request = reference.flatMap(requests::find).map(RequestWithUpdates::request).orElse(null);
            if (request == null) {
                errors.add(new FieldError("about.requestReference", reference.isEmpty()
                        ? "A request reference is 8 letters and numbers, like K7MP-3QXR."
                        : "We could not find a request with the reference " + reference.get().display() + "."));
            }
        }
        if (unitId == null && serviceId == null && typedRequest == null && booking == null
                && errors.stream().noneMatch(e -> e.field().startsWith("about."))) {
            errors.add(new FieldError("about", "Tell us which team, service, request or booking this is about."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (service == null && request != null) {
            service = catalog.service(request.serviceId()).orElse(null);
        }
        String resolvedUnit = unit != null ? unit.id() : service != null ? service.unitId() : request != null ? request.unitId() : null;
        String resolvedService = service != null ? service.id() : request != null ? request.serviceId() : null;
        String theme = service != null ? service.theme() : booking != null ? "Facilities booking" : "General";
        return new Read(kind, new Complaint.About(unitId, serviceId, request == null ? null : request.reference().value(), booking, officer),
                resolvedUnit, resolvedService, theme, message, new Contact(name, email, phone));
    }
}
