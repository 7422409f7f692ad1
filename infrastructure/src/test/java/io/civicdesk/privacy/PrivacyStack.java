package io.civicdesk.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.bench.CallCounter;
import io.civicdesk.bookings.Booking;
import io.civicdesk.bookings.BookingStatus;
import io.civicdesk.bookings.BookingStore;
import io.civicdesk.bookings.Bookings;
import io.civicdesk.bookings.Occurrence;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.demo.DemoData;
import io.civicdesk.demo.MovableClock;
import io.civicdesk.feedback.Complaint;
import io.civicdesk.feedback.ComplaintStore;
import io.civicdesk.feedback.ComplaintTargets;
import io.civicdesk.feedback.CouncilCalendar;
import io.civicdesk.feedback.FeedbackStore;
import io.civicdesk.feedback.ReviewPanelService;
import io.civicdesk.feedback.Survey;
import io.civicdesk.feedback.SurveyAnswer;
import io.civicdesk.feedback.SurveyStore;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.languages.Language;
import io.civicdesk.local.LocalStack;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Metrics;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.RequestFigures;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.StaffActionReader;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.SubmitRequestService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

import io.civicdesk.photos.PhotoFixtures;
import io.civicdesk.photos.PhotoRequest;
import io.civicdesk.photos.Photos;
import io.civicdesk.photos.PhotosWiring;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A stack of its own for the retention tests (a run anonymises whatever is past its period, so it must not share
 * the other tests' records): the demo catalogue, and records of every kind written through the product's own
 * services and stores at chosen moments in the past, on a clock the test moves.
 */
final class PrivacyStack implements AutoCloseable {
    /** "Now" for these tests: a Wednesday morning in Perth. */
    static final Instant NOW = Instant.parse("2026-11-18T02:00:00Z");
    static final StaffCaller ADMIN = new StaffCaller("privacy-admin", "Robin Fairweather", "robin@melaleuca.example",
            Set.of(StaffCaller.Role.ADMIN), null);

    final LocalStack stack;
    final DynamoDbClient dynamo;
    final MovableClock clock = new MovableClock(NOW, DemoData.PERTH);
    private final SubmitRequestService submissions;
    private final RequestActions actions;

    PrivacyStack() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0).eventSources(false).now(NOW));
        dynamo = stack.dynamoDb();
        DemoData.seed(dynamo, "CatalogTable", Clock.fixed(NOW, ZoneOffset.UTC));
        RequestWiring wiring = new RequestWiring(dynamo, "RequestsTable", "CatalogTable", "OutboxTable",
                new RequestFigures(new FiguresStore(dynamo, "FiguresTable")), Metrics.NONE, clock, stack.baseUrl());
        submissions = wiring.submissions();
        actions = wiring.actions();
    }

    PrivacyWiring privacy() {
        return privacy(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    PrivacyWiring privacy(Clock at) {
        return privacy(dynamo, at);
    }

    /** Privacy on a client that counts its calls ({@link CallCounter#takeAll()}). */
    PrivacyWiring counted() {
        DynamoDbClient counting = DynamoDbClient.builder().endpointOverride(URI.create(stack.dynamoDbEndpoint()))
                .region(Region.AP_SOUTHEAST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new CallCounter())).build();
        return privacy(counting, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static PrivacyWiring privacy(DynamoDbClient dynamo, Clock at) {
        return new PrivacyWiring(dynamo, "CatalogTable", "RequestsTable", "FeedbackTable", "BookingsTable", "OutboxTable", "PhotosTable", at);
    }

    /** A pothole report by a resident, {@code daysAgo} days before now, with an idempotency key. */
    Reference report(int daysAgo, String name, String email, String phone, String address, String description) {
        clock.set(NOW.minus(Duration.ofDays(daysAgo)));
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", name);
        contact.put("email", email);
        contact.put("phone", phone);
        Map<String, Object> body = Map.of("serviceId", "pothole",
                "answers", Map.of("where", "In a traffic lane", "size", "Between a dinner plate and a bin lid", "danger", "No"),
                "location", Map.of("address", address), "description", description, "contact", contact,
                "preferredChannel", "email");
        String text = Json.write(body);
        Idempotency.Answer answer = submissions.submit(SubmissionReader.report(Json.MAPPER.valueToTree(body)),
                Optional.of(Idempotency.Key.of(UUID.randomUUID().toString(), text)));
        try {
            return new Reference(Json.MAPPER.readTree(answer.body()).path("reference").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An action on a request by the administrator, {@code daysAgo} days before now. */
    void act(Reference reference, int daysAgo, Map<String, Object> action) {
        clock.set(NOW.minus(Duration.ofDays(daysAgo)));
        Map<String, Object> body = new LinkedHashMap<>(action);
        body.put("expectedVersion", actions.view(ADMIN, reference).version());
        actions.act(ADMIN, reference, StaffActionReader.read(Json.MAPPER.valueToTree(body)));
    }

    /** A photo an officer added to the request {@code daysAgo} days before now, uploaded and processed. */
    void photo(Reference reference, int daysAgo) {
        clock.set(NOW.minus(Duration.ofDays(daysAgo)));
        Photos photos = PhotosWiring.of(dynamo, "RequestsTable", "PhotosTable", "CatalogTable", clock).photos();
        Photos.Granted granted = photos.addByStaff(ADMIN, reference, new PhotoRequest("image/jpeg", 2000));
        PhotoFixtures.post(stack.baseUrl(), granted.upload().url(), granted.upload().fields(),
                PhotoFixtures.phoneJpeg(40, 30, 1), "image/jpeg");
        stack.deliverObjects();
        clock.set(NOW);
    }

    /** The keys in the photos bucket under the request's photos. */
    List<String> photoObjects(Reference reference) {
        return stack.s3().listObjectsV2Paginator(l -> l.bucket("civicdesk-local-photos-000000000000")
                .prefix("photos/" + reference.value() + "/")).contents().stream().map(o -> o.key()).toList();
    }

    void resolveAndClose(Reference reference, int daysAgo) {
        act(reference, daysAgo, Map.of("action", "resolve", "resolution", "Filled and rolled."));
        act(reference, daysAgo - 1, Map.of("action", "close"));
    }

    JsonNode staffView(Reference reference) {
        return Json.MAPPER.valueToTree(actions.view(ADMIN, reference));
    }

    /** An answered complaint ({@code answeredDaysAgo} null: still open). */
    void complaint(int daysAgo, Integer answeredDaysAgo, String name, String email, String message) {
        complaint(daysAgo, answeredDaysAgo, name, email, null, message);
    }

    void complaint(int daysAgo, Integer answeredDaysAgo, String name, String email, String phone, String message) {
        Instant received = NOW.minus(Duration.ofDays(daysAgo));
        Instant answered = answeredDaysAgo == null ? null : NOW.minus(Duration.ofDays(answeredDaysAgo));
        LocalDate day = LocalDate.ofInstant(received, DemoData.PERTH);
        Complaint complaint = new Complaint(Reference.random(new SecureRandom()).value(), null, "roads", "pothole", "Roads, footpaths and drains",
                new Complaint.About("roads", "pothole", null, null, null), message, new Contact(name, email, phone), Language.SOURCE, false, received,
                answered == null ? Complaint.RECEIVED : Complaint.ANSWERED, day.plusDays(5), day.plusDays(20),
                answered, answered, answered == null ? null : "not-upheld", answered == null ? null : "The road was repaired.",
                answered == null ? null : "Priya Raman", "roads",
                answered == null ? null : LocalDate.ofInstant(answered, DemoData.PERTH).plusDays(20), null, "hash", 1);
        commit(new ComplaintStore(dynamo, "FeedbackTable").create(complaint));
    }

    void compliment(int daysAgo, String name, String email, String message) {
        commit(new FeedbackStore("FeedbackTable").create(UUID.randomUUID().toString(), "compliment", "roads", "pothole",
                new Complaint.About("roads", "pothole", null, null, null), message, new Contact(name, email, null),
                NOW.minus(Duration.ofDays(daysAgo))));
    }

    void survey(Reference reference, int answeredDaysAgo, String comment) {
        SurveyStore surveys = new SurveyStore(dynamo, "FeedbackTable");
        Instant answered = NOW.minus(Duration.ofDays(answeredDaysAgo));
        commit(surveys.invitation(new Survey(Survey.Subject.REQUEST, reference.value(), "pothole", "Pothole or damaged road",
                "roads", answered.minus(Duration.ofHours(2)), "survey-hash", "request-hash", null, null)));
        commit(surveys.answer(Survey.Subject.REQUEST, reference.value(), new SurveyAnswer(2, 6, comment), answered));
    }

    void smiley(int daysAgo, String comment) {
        commit(new SurveyStore(dynamo, "FeedbackTable").smiley(UUID.randomUUID().toString(), "waste", "Front counter",
                new SurveyAnswer(1, null, comment), NOW.minus(Duration.ofDays(daysAgo))));
    }

    /** A confirmed booking of Wattle Hall, its one occurrence {@code daysAgo} days before now (negative: to come). */
    String booking(int daysAgo, String kind, String name, String email, String purpose) {
        return booking(daysAgo, kind, name, email, null, purpose);
    }

    String booking(int daysAgo, String kind, String name, String email, String phone, String purpose) {
        Instant start = NOW.minus(Duration.ofDays(daysAgo));
        Reference reference = Reference.random(new SecureRandom());
        Booking booking = new Booking(reference, kind, "wattle-hall", "Wattle Hall", BookingStatus.CONFIRMED,
                List.of(new Occurrence(start, start.plus(Duration.ofHours(2)))), purpose, 20,
                new Contact(name, email, phone), Language.SOURCE, false, null, null, "online", "hash", start.minus(Duration.ofDays(14)), null, null,
                null, 0, 1);
        Bookings.Creation creation = new BookingStore(dynamo, "BookingsTable", "SlotLocksTable")
                .create(booking, List.of(), Bookings.Work.NONE, 0, NOW);
        new DynamoTransactions(dynamo).commit(creation.writes());
        return reference.value();
    }

    /** A mail written {@code daysAgo} days before now, sent then. */
    void mail(int daysAgo, String to, String text) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        OutboxStore outbox = new OutboxStore(dynamo, "OutboxTable");
        String id = UUID.randomUUID().toString();
        commit(outbox.pending("mail", new Mail(id, to, "About your complaint", text, "<p>" + text + "</p>", "complaint-answer",
                null, List.of()), at));
        outbox.markSent(id, "message-" + id, at);
    }

    /** Every mail still waiting is sent (this stack runs no mail sender): only sent mail is ever anonymised. */
    void sendWaitingMail() {
        OutboxStore outbox = new OutboxStore(dynamo, "OutboxTable");
        for (Map<String, AttributeValue> item : dynamo.scan(scan -> scan.tableName("OutboxTable")
                .filterExpression("attribute_exists(queue)")).items()) {
            outbox.markSent(item.get("id").s(), "sent-by-test", Instant.parse(item.get("createdAt").s()));
        }
    }

    ReviewPanelService panel() {
        CatalogStore catalog = new CatalogStore(dynamo, "CatalogTable");
        return new ReviewPanelService(new ComplaintStore(dynamo, "FeedbackTable"), new SurveyStore(dynamo, "FeedbackTable"),
                catalog::unit, ComplaintTargets.DEFAULTS, CouncilCalendar.cached(catalog, Clock.fixed(NOW, ZoneOffset.UTC)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Every item of every table and of every table's indexes, as "Table[/Index]: item", all attributes. */
    List<String> everything() {
        List<String> all = new ArrayList<>();
        for (String table : dynamo.listTables().tableNames()) {
            dynamo.scanPaginator(scan -> scan.tableName(table)).items().forEach(item -> all.add(table + ": " + item));
            for (GlobalSecondaryIndexDescription index : dynamo.describeTable(d -> d.tableName(table)).table().globalSecondaryIndexes()) {
                dynamo.scanPaginator(scan -> scan.tableName(table).indexName(index.indexName())).items()
                        .forEach(item -> all.add(table + "/" + index.indexName() + ": " + item));
            }
        }
        return all;
    }

    /** Each index's entries by their keys and their item's key, sorted: "Table/Index pk sk | key=value ...". */
    List<String> indexKeys() {
        List<String> keys = new ArrayList<>();
        for (String table : dynamo.listTables().tableNames()) {
            for (GlobalSecondaryIndexDescription index : dynamo.describeTable(d -> d.tableName(table)).table().globalSecondaryIndexes()) {
                dynamo.scanPaginator(scan -> scan.tableName(table).indexName(index.indexName())).items().forEach(item -> {
                    StringBuilder key = new StringBuilder(table + "/" + index.indexName() + " " + item.get("pk") + " " + item.get("sk"));
                    index.keySchema().forEach(part -> key.append(" | ").append(part.attributeName()).append('=')
                            .append(item.get(part.attributeName())));
                    keys.add(key.toString());
                });
            }
        }
        return keys.stream().sorted().toList();
    }

    private void commit(io.civicdesk.platform.Write write) {
        commit(List.of(write));
    }

    private void commit(List<io.civicdesk.platform.Write> writes) {
        new DynamoTransactions(dynamo).commit(writes);
    }

    @Override
    public void close() {
        stack.close();
    }
}
