package io.civicdesk.staff;

import io.civicdesk.directory.StaffMember;
import io.civicdesk.directory.StaffDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.demo.DemoData;
import io.civicdesk.local.StaffTokens;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The staff API as one member of staff calls it, with their ID token, through the local gateway. */
final class StaffApi {
    static final StaffMember SAM = member("demo-officer-waste");
    static final StaffMember ELLA = member("demo-officer-waste-2");
    static final StaffMember PRIYA = member("demo-officer-roads");
    static final StaffMember SUPERVISOR = member("demo-supervisor");
    static final StaffMember ACCOUNT_MANAGER = member("demo-account-manager");
    static final StaffMember ADMIN = member("demo-admin");

    private final Api api = TestStack.api();
    private final Map<String, String> headers;

    private StaffApi(StaffMember member) {
        StaffTokens tokens = TestStack.get().staffTokens();
        this.headers = Map.of("Authorization", tokens.bearer(tokens.idToken(member)));
    }

    static StaffApi as(StaffMember member) {
        return new StaffApi(member);
    }

    static StaffMember member(String id) {
        return DemoData.staff().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    Api.Reply get(String path) {
        return api.get(path, headers);
    }

    Api.Reply post(String path, Object body) {
        return api.post(path, body instanceof String text ? text : Json.write(body), headers);
    }

    Api.Reply put(String path, Object body) {
        return api.put(path, body instanceof String text ? text : Json.write(body), headers);
    }

    Api.Reply delete(String path) {
        return api.delete(path, headers);
    }

    /** The staff page of a request; it must be there. */
    JsonNode view(String reference) {
        Api.Reply reply = get("/staff/requests/" + reference);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** An action at the request's current version. */
    Api.Reply act(String reference, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("expectedVersion", view(reference).path("version").asLong());
        return post("/staff/requests/" + reference + "/actions", body);
    }

    /** An action that must succeed; the request after it. */
    JsonNode done(String reference, Map<String, Object> fields) {
        Api.Reply reply = act(reference, fields);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** A resident's own missed-bin report, online; its reference. */
    static String residentReport(String email) {
        return residentReport(Reports.missedBin(email));
    }

    static String residentReport(Map<String, Object> report) {
        Api.Reply reply = TestStack.api().post("/requests", report);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("reference").asText();
    }

    static String email() {
        return "resident+" + UUID.randomUUID() + "@example.com";
    }

    /**
     * A unit of its own (with one service and two officers) for a test that must see a queue nobody else writes
     * to: the demo's requests and other tests' stay in theirs.
     */
    record OwnUnit(String unitId, String serviceId, StaffMember officer, StaffMember colleague) {
        static OwnUnit create(String name) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String unitId = name + "-" + suffix;
            String serviceId = "svc-" + suffix;
            CatalogStore catalog = new CatalogStore(TestStack.get().dynamoDb(), "CatalogTable");
            catalog.putUnit(new Unit(unitId, "Test unit " + name));
            Service bins = DemoData.services().stream().filter(s -> s.id().equals("missed-bin")).findFirst().orElseThrow();
            catalog.putService(new Service(serviceId, "Test service " + name, bins.theme(), unitId, bins.description(),
                    bins.whatHappensNext(), bins.timeframe(), null, bins.responseDays(), bins.resolutionDays(),
                    List.of(), 99, bins.questions()));
            StaffDirectory directory = new StaffDirectory(TestStack.get().dynamoDb(), "CatalogTable");
            StaffMember officer = new StaffMember("officer-" + suffix, "Officer " + suffix, "o-" + suffix + "@melaleuca.example",
                    Set.of(Role.OFFICER), unitId);
            StaffMember colleague = new StaffMember("colleague-" + suffix, "Colleague " + suffix,
                    "c-" + suffix + "@melaleuca.example", Set.of(Role.OFFICER), unitId);
            directory.put(officer);
            directory.put(colleague);
            return new OwnUnit(unitId, serviceId, officer, colleague);
        }

        /** A missed-bin style report for this unit's service. */
        Map<String, Object> report(String email) {
            Map<String, Object> report = new HashMap<>(Reports.missedBin(email));
            report.put("serviceId", serviceId);
            return report;
        }
    }
}
