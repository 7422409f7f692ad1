package io.civicdesk.demo;

import java.util.Optional;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.RequestWiring;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.Actor;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.StaffActionReader;
import io.civicdesk.directory.StaffMember;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo staff workspace, for {@code ./civicdesk run}: requests, handled by the demo staff (DemoStaff adds them first), in
 * every state across units — new and overdue, acknowledged, assigned, waiting on the resident, referred, resolved,
 * closed, a duplicate, one logged by phone, one resolved at the counter — so the queue means something on the
 * first sign-in. Written through the same services the staff functions use (submission, then each action at
 * its own time in the past), never by hand, so the demo cannot hold a state the product could not reach.
 */
public final class DemoWorkspace {
    private static final ZoneId PERTH = DemoData.PERTH;

    private final Clock now;
    private final MovableClock clock;
    private final SubmitRequestService submissions;
    private final RequestActions actions;
    private final Map<String, StaffCaller> staff = new LinkedHashMap<>();
    private final Map<String, Reference> references = new HashMap<>();

    private DemoWorkspace(DynamoDbClient dynamo, String catalogTable, String requestsTable, String outboxTable, String portalUrl,
                          Clock now) {
        this.now = now;
        this.clock = new MovableClock(now.instant(), PERTH);
        RequestWiring wiring = RequestWiring.of(dynamo, requestsTable, catalogTable, outboxTable, clock, portalUrl);
        this.submissions = wiring.submissions();
        this.actions = wiring.actions();
        for (StaffMember member : DemoData.staff()) {
            staff.put(member.id(), new StaffCaller(member.id(), member.name(), member.email(), member.roles(), member.unitId()));
        }
    }

    /** Seeds the demo requests; the catalogue (DemoData.seed) and the demo staff (DemoStaff) must be there first. */
    public static void seed(DynamoDbClient dynamo, String catalogTable, String requestsTable, String outboxTable, String portalUrl,
                            Clock now) {
        new DemoWorkspace(dynamo, catalogTable, requestsTable, outboxTable, portalUrl, now).requests();
    }

    private void requests() {
        String sam = "demo-officer-waste";
        String ella = "demo-officer-waste-2";
        String priya = "demo-officer-roads";
        String jordan = "demo-supervisor";

        // Waste Services.
        online("bin-overdue", 6, "missed-bin", Map.of("bin-type", "General waste (red lid)", "out-by-6am", "Yes"),
                "3 Grevillea Way, Melaleuca WA 6999", "Red bin missed again this week.", "Dana Whitfield", "dana.whitfield@example.com", null, "email");
        online("bin-today", 1, "missed-bin", Map.of("bin-type", "Recycling (yellow lid)", "out-by-6am", "Yes"),
                "27 Jarrah Road, Melaleuca WA 6999", "Yellow bin not emptied; the neighbours' were.", "Tom Okafor", "tom.okafor@example.com", "0412 555 013", "email");
        online("bin-damaged", 3, "damaged-bin", Map.of("bin-type", "General waste (red lid)", "damage", "Broken lid"),
                "9 Wattle Court, Melaleuca WA 6999", "The lid snapped off when the truck tipped it.", "Mei Chen", "mei.chen@example.com", null, "email");
        act("bin-damaged", 3, 2, sam, Map.of("action", "acknowledge", "publicMessage", "Thanks - we have ordered a new lid for your bin."));
        act("bin-damaged", 3, 3, sam, Map.of("action", "assign", "officerId", sam));
        // A bulk verge collection carries a fee: paid online it waits for its payment; this one was booked and paid at the counter.
        onBehalf("verge", 4, sam, "counter", "bulk-verge", Map.of("collection-type", "General junk", "items", List.of("Furniture", "Mattresses"), "volume", 3),
                "41 Banksia Street, Melaleuca WA 6999", "An old couch and two mattresses.", "Liam O'Neill", "liam.oneill@example.com", null, "email", null);
        act("verge", 4, 1, sam, Map.of("action", "assign", "officerId", ella, "note", "Ella runs the verge bookings this month."));
        act("verge", 4, 2, ella, Map.of("action", "status", "status", "in-progress",
                "publicMessage", "Your collection is booked for the week of the 2nd. Put items out no earlier than the weekend before."));
        onBehalf("bin-phone", 5, sam, "phone", "missed-bin", Map.of("bin-type", "Garden organics (lime green lid)", "out-by-6am", "No"),
                "88 Karri Drive, Melaleuca WA 6999", "Caller unsure whether the bin was out in time.", "Beryl Hughes", null, "08 9444 1234", "phone", null);
        act("bin-phone", 5, 2, sam, Map.of("action", "acknowledge"));
        act("bin-phone", 5, 3, sam, Map.of("action", "status", "status", "waiting-on-customer",
                "publicMessage", "Could you tell us what time the bin went out? We will check the truck's camera.",
                "note", "Called twice, no answer. Left a voicemail."));
        online("bin-done", 9, "missed-bin", Map.of("bin-type", "Recycling (yellow lid)", "out-by-6am", "Yes"),
                "15 Tuart Place, Melaleuca WA 6999", "Recycling bin missed.", "Ahmed Rahman", "ahmed.rahman@example.com", null, "email");
        act("bin-done", 9, 1, ella, Map.of("action", "acknowledge"));
        act("bin-done", 9, 2, ella, Map.of("action", "resolve", "resolution", "The truck came back and emptied your bin this morning."));
        act("bin-done", 9, 5, ella, Map.of("action", "close"));
        online("bin-duplicate", 5, "missed-bin", Map.of("bin-type", "General waste (red lid)", "out-by-6am", "Yes"),
                "5 Grevillea Way, Melaleuca WA 6999", "Whole street missed, red bins.", "Sophie Martin", "sophie.martin@example.com", null, "email");
        act("bin-duplicate", 5, 1, sam, Map.of("action", "duplicate", "originalReference", references.get("bin-overdue").value(),
                "note", "Same street and day as the earlier report."));
        onBehalf("bin-counter", 2, ella, "counter", "damaged-bin", Map.of("bin-type", "Recycling (yellow lid)", "damage", "Broken wheels or axle"),
                "60 Marri Street, Melaleuca WA 6999", "Walk-in: wheel came off.", "Graham Fowler", null, null, "none",
                "Swapped the bin at the depot counter while the resident waited.");
        online("bin-urgent", 0, "missed-bin", Map.of("bin-type", "General waste (red lid)", "out-by-6am", "Yes"),
                "2 Acacia Lane, Melaleuca WA 6999", "Nappies in the bin, two weeks missed.", "Priscilla Nguyen", null, "0413 555 019", "sms");
        act("bin-urgent", 0, 0, jordan, Map.of("action", "priority", "priority", "urgent", "note", "Two weeks missed: health risk."));

        // Roads and Drainage.
        online("pothole-overdue", 3, "pothole", Map.of("where", "In a traffic lane", "size", "Between a dinner plate and a bin lid", "danger", "No"),
                "Corner of Jarrah Road and Marri Street, Melaleuca WA 6999", "Pothole in the westbound lane.", "Kelly Brooks", "kelly.brooks@example.com", null, "email");
        online("drain", 8, "blocked-drain", Map.of("flooding", "Water over the road or footpath", "drain-type", "Grate in the road"),
                "120 Tuart Place, Melaleuca WA 6999", "Water over the road after every shower.", "Rob Castellano", "rob.castellano@example.com", null, "email");
        act("drain", 8, 1, priya, Map.of("action", "acknowledge", "publicMessage", "A crew will inspect the drain this week."));
        act("drain", 8, 2, priya, Map.of("action", "assign", "officerId", priya));
        act("drain", 8, 3, priya, Map.of("action", "status", "status", "in-progress", "note", "Needs the vacuum truck: booked."));
        online("pothole-new", 0, "pothole", Map.of("where", "Near the kerb", "size", "Smaller than a dinner plate", "danger", "No"),
                "33 Karri Drive, Melaleuca WA 6999", "Small pothole by the driveway.", "Nina Petrovic", "nina.petrovic@example.com", null, "email");
        act("pothole-new", 0, 0, priya, Map.of("action", "priority", "priority", "high", "note", "Outside the primary school."));
        online("light-done", 12, "street-light", Map.of("fault", "Off all night", "pole-number", "P204417"),
                "7 Sheoak Close, Melaleuca WA 6999", "Light out for a week.", "Oscar Lind", "oscar.lind@example.com", null, "email");
        act("light-done", 12, 1, priya, Map.of("action", "acknowledge", "publicMessage", "We have reported the fault to Western Power."));
        act("light-done", 12, 6, priya, Map.of("action", "resolve", "resolution", "Western Power replaced the lamp."));
        online("park-pothole", 2, "pothole", Map.of("where", "In a car park", "size", "Larger than a bin lid", "danger", "No"),
                "Melaleuca Park car park, Sheoak Close, Melaleuca WA 6999", "Big hole in the park's car park.", "Fatima Haddad", "fatima.haddad@example.com", null, "email");
        act("park-pothole", 2, 1, priya, Map.of("action", "assign", "unitId", "parks",
                "note", "The park's car park is Parks and Environment's, not a road."));

        // Parks and Environment.
        online("graffiti", 1, "graffiti", Map.of("surface", "Bus shelter", "offensive", "Yes"),
                "Bus stop 10452, Banksia Street, Melaleuca WA 6999", "Offensive words on the shelter.", "Jack Turner", "jack.turner@example.com", null, "email");
    }

    /** A resident's own report, submitted {@code daysAgo} business days ago at half past nine. */
    private void online(String name, int daysAgo, String serviceId, Map<String, Object> answers, String address,
                        String description, String resident, String email, String phone, String preferredChannel) {
        clock.set(at(daysAgo, 0));
        Idempotency.Answer submitted = submissions.submit(SubmissionReader.report(body(serviceId, answers, address,
                description, resident, email, phone, preferredChannel)), Optional.empty());
        remember(name, submitted);
    }

    private void onBehalf(String name, int daysAgo, String officerId, String channel, String serviceId,
                          Map<String, Object> answers, String address, String description, String resident, String email,
                          String phone, String preferredChannel, String resolution) {
        clock.set(at(daysAgo, 0));
        Map<String, Object> body = new LinkedHashMap<>(Json.MAPPER.convertValue(body(serviceId, answers, address,
                description, resident, email, phone, preferredChannel), Map.class));
        body.put("channel", channel);
        if (resolution != null) {
            body.put("resolvedAtFirstContact", true);
            body.put("resolution", resolution);
        }
        StaffCaller officer = staff.get(officerId);
        remember(name, submissions.submit(SubmissionReader.reportOnBehalf(Json.MAPPER.valueToTree(body),
                new Actor(officer.id(), officer.name())), Optional.empty()));
    }

    /** An action by a member of staff, {@code hoursLater} working hours after the request came in. */
    private void act(String name, int daysAgo, int hoursLater, String staffId, Map<String, Object> fields) {
        clock.set(at(daysAgo, hoursLater));
        Reference reference = references.get(name);
        StaffCaller caller = staff.get(staffId);
        long version = actions.view(caller, reference).version();
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("expectedVersion", version);
        actions.act(caller, reference, StaffActionReader.read(Json.MAPPER.valueToTree(body)));
    }

    private void remember(String name, Idempotency.Answer submitted) {
        if (submitted.status() != 201) {
            throw new IllegalStateException("Demo request " + name + " was refused: " + submitted.body());
        }
        try {
            references.put(name, new Reference(Json.MAPPER.readTree(submitted.body()).path("reference").asText()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(String serviceId, Map<String, Object> answers, String address, String description,
                                 String resident, String email, String phone, String preferredChannel) {
        Map<String, Object> answerValues = new LinkedHashMap<>(answers);
        if (serviceId.equals("missed-bin")) {
            answerValues.putIfAbsent("collection-day", LocalDate.ofInstant(now.instant(), PERTH).minusDays(7).toString());
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", resident);
        if (email != null) {
            contact.put("email", email);
        }
        if (phone != null) {
            contact.put("phone", phone);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", serviceId);
        body.put("answers", answerValues);
        body.put("location", Map.of("address", address));
        body.put("description", description);
        body.put("contact", contact);
        body.put("preferredChannel", preferredChannel);
        return Json.MAPPER.valueToTree(body);
    }

    /** 9:30 on the business day {@code daysAgo} before today (weekends skipped), plus some working hours. */
    private Instant at(int daysAgo, int hoursLater) {
        Instant now = this.now.instant();
        LocalDate day = LocalDate.ofInstant(now, PERTH);
        for (int i = 0; i < daysAgo; ) {
            day = day.minusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                i++;
            }
        }
        Instant at = day.atTime(LocalTime.of(9, 30)).atZone(PERTH).toInstant().plus(Duration.ofHours(hoursLater));
        // Nothing in the future: a demo "today" before 9:30 happens a few minutes ago instead.
        return at.isAfter(now) ? now.minus(Duration.ofMinutes(30L - Math.min(hoursLater, 29))) : at;
    }
}
