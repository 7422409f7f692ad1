package io.civicdesk.warnings;

import java.util.Optional;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.demo.DemoData;
import io.civicdesk.demo.MovableClock;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Metrics;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.ServiceRequest;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.StaffActionReader;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.RecordingMetrics;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warnings run against a request on a policy of its own (respond in 2 business hours, resolve in 4, warn at
 * 75%), on a clock the test moves through one Monday in Perth: each alert goes once, when it falls due, to the
 * officer who has the request, and a missed target to the unit's supervisor too.
 */
@DependsOnTheDate
class ServiceLevelWarningsTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");

    private static Instant perth(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PERTH).toInstant();
    }

    private static List<Message> mailsAbout(String email, Reference reference) {
        return Mailbox.to(email).stream().filter(mail -> mail.subject().contains(reference.display())).toList();
    }

    @Test
    void warningsFireOnceAtTheRightTimeForTheRightPeople() throws Exception {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        CatalogStore catalog = new CatalogStore(dynamo, "CatalogTable");
        StaffDirectory directory = new StaffDirectory(dynamo, "CatalogTable");
        String unitId = "warned-" + suffix;
        catalog.putUnit(new Unit(unitId, "Warned unit " + suffix));
        Service bins = DemoData.services().stream().filter(service -> service.id().equals("missed-bin")).findFirst().orElseThrow();
        String serviceId = "svc-" + suffix;
        catalog.putService(new Service(serviceId, "Warned service " + suffix, bins.theme(), unitId, bins.description(),
                bins.whatHappensNext(), bins.timeframe(), null, 1, 2, List.of(), 99, bins.questions()));
        assertTrue(catalog.savePolicy(new ServiceLevelPolicy("fast-" + suffix, 1000 + new SecureRandom().nextInt(1_000_000), serviceId,
                null, Duration.ofHours(2), Duration.ofHours(4), null, List.of(75), null), null), "its place in the order is its own");
        StaffMember officer = new StaffMember("officer-" + suffix, "Officer " + suffix, "o-" + suffix + "@melaleuca.example",
                Set.of(Role.OFFICER), unitId);
        StaffMember bystander = new StaffMember("bystander-" + suffix, "Bystander " + suffix, "b-" + suffix + "@melaleuca.example",
                Set.of(Role.OFFICER), unitId);
        StaffMember supervisor = new StaffMember("supervisor-" + suffix, "Supervisor " + suffix,
                "s-" + suffix + "@melaleuca.example", Set.of(Role.SUPERVISOR), unitId);
        List.of(officer, bystander, supervisor).forEach(directory::put);

        // Monday 1 March 2021, long past: no other test's request has an alert due this early.
        MovableClock clock = new MovableClock(perth("2021-03-01T08:30"), PERTH);
        RequestWiring wiring = RequestWiring.of(dynamo, "RequestsTable", "CatalogTable", "OutboxTable", clock, "http://portal.test");
        RequestStore requests = wiring.requests();
        SubmitRequestService submissions = wiring.submissions();
        Map<String, Object> report = new HashMap<>(Reports.missedBin("resident-" + suffix + "@example.com"));
        report.put("serviceId", serviceId);
        report.put("answers", Map.of("bin-type", "Recycling (yellow lid)", "collection-day", "2021-03-01", "out-by-6am", "Yes"));
        Reference reference = new Reference(Json.MAPPER.readTree(submissions.submit(SubmissionReader.report(Json.MAPPER.valueToTree(report)), Optional.empty()).body())
                .path("reference").asText());
        RequestActions actions = wiring.actions();
        StaffCaller caller = new StaffCaller(officer.id(), officer.name(), officer.email(), Set.of(Role.OFFICER), unitId);
        clock.set(perth("2021-03-01T08:45"));
        act(actions, caller, reference, requests, Map.of("action", "assign", "officerId", officer.id()));
        RecordingMetrics metrics = new RecordingMetrics();
        ServiceLevelWarnings warnings = new ServiceLevelWarnings(requests, wiring.alerts(), wiring.outbox(), wiring.transactions(),
                directory, catalog, clock, "http://portal.test",
                metrics);

        clock.set(perth("2021-03-01T09:59")); // just before 75% of the response target (10:00)
        warnings.run();
        clock.set(perth("2021-03-01T10:00"));
        warnings.run();
        Message reminder = Mailbox.awaitMailTo(officer.email(), mail -> mail.subject().contains(reference.display()));
        assertTrue(reminder.subject().startsWith("Reminder: "), reminder.subject());
        assertTrue(reminder.text().contains("getting close to its first response target"), reminder.text());
        assertTrue(reminder.text().contains("/staff/request.html?ref=" + reference.value()), reminder.text());
        assertEquals("at-risk", flag(requests, reference));

        clock.set(perth("2021-03-01T10:20"));
        warnings.run();
        clock.set(perth("2021-03-01T10:30")); // the response is now overdue
        warnings.run();
        warnings.run();
        Message breach = Mailbox.awaitMailTo(supervisor.email(), mail -> mail.subject().contains(reference.display()));
        assertTrue(breach.subject().startsWith("Missed target: "), breach.subject());
        Mailbox.awaitMailTo(officer.email(), mail -> mail.subject().startsWith("Missed target: ")
                && mail.subject().contains(reference.display()));
        assertEquals("breached", flag(requests, reference));

        // A late acknowledgement answers the breach; the resolution warning (75% of 4 hours: 11:30) comes next.
        clock.set(perth("2021-03-01T10:40"));
        act(actions, caller, reference, requests, Map.of("action", "acknowledge"));
        assertNull(flag(requests, reference));
        clock.set(perth("2021-03-01T11:30"));
        warnings.run();
        warnings.run();
        Mailbox.awaitMailTo(officer.email(), mail -> mail.subject().contains(reference.display())
                && mail.text().contains("getting close to its resolution target"));
        Thread.sleep(1500); // anything sent twice would have arrived by now

        assertEquals(3, mailsAbout(officer.email(), reference).size(), "response warning, breach, resolution warning: once each");
        assertEquals(1, mailsAbout(supervisor.email(), reference).size(), "the supervisor hears of the breach only");
        assertEquals(0, mailsAbout(bystander.email(), reference).size(), "nobody else in the unit is told");
        ServiceRequest stored = requests.get(reference).orElseThrow();
        assertEquals(Set.of("response-75", "response-breach", "resolution-75"), stored.serviceLevel().warned());
        assertEquals(Boolean.FALSE, stored.serviceLevel().responseMet());
        assertEquals(Duration.ofMinutes(130), stored.serviceLevel().responseTaken());
        assertEquals(1, metrics.total(Metrics.Metric.TARGETS_MISSED, unitId), "the missed target counted once, for its unit");
    }

    private static void act(RequestActions actions, StaffCaller caller, Reference reference, RequestStore requests,
                            Map<String, Object> action) {
        Map<String, Object> body = new HashMap<>(action);
        body.put("expectedVersion", requests.get(reference).orElseThrow().version());
        actions.act(caller, reference, StaffActionReader.read(Json.MAPPER.valueToTree(body)));
    }

    private static String flag(RequestStore requests, Reference reference) {
        return requests.get(reference).orElseThrow().serviceLevel().flag();
    }
}
