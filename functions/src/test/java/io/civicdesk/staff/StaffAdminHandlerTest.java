package io.civicdesk.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.catalog.Service;
import io.civicdesk.directory.InMemoryDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.requests.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffAdminHandlerTest {
    private static final String ADMIN = "admin-1";

    private final InMemoryDirectory directory = new InMemoryDirectory()
            .with(new StaffMember(ADMIN, "Robin Admin", "robin@council.example", Set.of(Role.ADMIN), null));
    private final InMemorySignInAccounts pool = new InMemorySignInAccounts();
    private final InMemoryCatalog catalog = InMemoryCatalog.twoUnits().with(new Service("missed-bin", "Missed bin", "Bins",
            "waste", "", "", "", null, 1, 2, List.of(), 1, List.of()));
    private final InMemoryWorkflows workflows = new InMemoryWorkflows();
    private final StaffAdminHandler handler = new StaffAdminHandler(
            new WorkflowAdmin(workflows, catalog, Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC)),
            new StaffAdministration(directory, pool, catalog));

    private APIGatewayV2HTTPResponse add(Object body, String by, String... groups) {
        return call(handler, event("POST /staff/members", Map.of(), body, by, groups));
    }

    @Test
    void anAdministratorAddsAnOfficerWithTheirAccountAndRoles() {
        APIGatewayV2HTTPResponse added = add(Map.of("email", "Jo.Pike@Council.example", "name", "Jo Pike",
                "roles", List.of("officer"), "unitId", "roads"), ADMIN, "admin");
        assertEquals(201, added.getStatusCode(), added.getBody());
        assertEquals("Roads and Drainage", json(added).path("unitName").asText());
        String id = json(added).path("id").asText();
        assertEquals("jo.pike@council.example", directory.member(id).orElseThrow().email(), "emails kept in lower case");
        assertEquals(Set.of(Role.OFFICER), pool.roles.get(id));
    }

    @Test
    void addingStaffBySomeoneNotAnAdministratorIsForbiddenAndMakesNothing() {
        APIGatewayV2HTTPResponse refused = add(Map.of("email", "x@council.example", "name", "X", "roles", List.of("admin")),
                "officer-1", "officer", "supervisor");
        assertEquals(403, refused.getStatusCode());
        assertTrue(pool.idsByEmail.isEmpty());
    }

    @Test
    void whatIsWrongIsNamedFieldByField() {
        APIGatewayV2HTTPResponse wrong = add(Map.of("email", "not-an-email", "name", " ", "roles", List.of("wizard"),
                "unitId", "nowhere"), ADMIN, "admin");
        assertEquals(400, wrong.getStatusCode());
        for (String field : List.of("email", "name", "roles", "unitId")) {
            assertTrue(names(wrong, field), field + " in " + wrong.getBody());
        }
        assertTrue(pool.idsByEmail.isEmpty(), "no account made");
    }

    @Test
    void aChangeFromAStaleVersionIsAConflictAndAnUnknownMemberNotFound() {
        String id = json(add(Map.of("email", "sam@council.example", "name", "Sam", "roles", List.of("supervisor")),
                ADMIN, "admin")).path("id").asText();
        Map<String, Object> change = Map.of("name", "Samuel", "roles", List.of("supervisor"), "version", 1);
        assertEquals(200, call(handler, event("PUT /staff/members/{staffId}", Map.of("staffId", id), change, ADMIN, "admin"))
                .getStatusCode());
        APIGatewayV2HTTPResponse stale = call(handler, event("PUT /staff/members/{staffId}", Map.of("staffId", id), change,
                ADMIN, "admin"));
        assertEquals(409, stale.getStatusCode());
        assertEquals("Samuel", json(stale).path("current").path("name").asText());
        assertEquals(404, call(handler, event("PUT /staff/members/{staffId}", Map.of("staffId", "nobody"), change,
                ADMIN, "admin")).getStatusCode());
    }

    @Test
    void anAdministratorCannotDisableThemselves() {
        APIGatewayV2HTTPResponse self = call(handler, event("PUT /staff/members/{staffId}", Map.of("staffId", ADMIN),
                Map.of("name", "Robin Admin", "roles", List.of("admin"), "enabled", false, "version", 1), ADMIN, "admin"));
        assertEquals(400, self.getStatusCode());
        assertTrue(names(self, "enabled"));
        assertFalse(directory.entry(ADMIN).orElseThrow().signInPending());
    }

    /** A short workflow of the bins' own: received, then collected (final). */
    private static Map<String, Object> binsWorkflow() {
        return Map.of("workflow", Map.of(
                "statuses", List.of(Map.of("id", "received", "label", "Received"),
                        Map.of("id", "collected", "label", "Collected", "final", true)),
                "transitions", Map.of("received", List.of("collected"))));
    }

    private APIGatewayV2HTTPResponse putWorkflow(String serviceId, Object body, String by, String... groups) {
        return call(handler, event("PUT /staff/workflows/{serviceId}", Map.of("serviceId", serviceId), body, by, groups));
    }

    @Test
    void aServiceWithoutAWorkflowOfItsOwnShowsTheDefault() {
        APIGatewayV2HTTPResponse shown = call(handler, event("GET /staff/workflows/{serviceId}",
                Map.of("serviceId", "missed-bin"), null, ADMIN, "admin"));
        assertEquals(200, shown.getStatusCode(), shown.getBody());
        assertEquals("default", json(shown).path("source").asText());
        assertEquals(Workflow.DEFAULT.statuses().size(), json(shown).path("workflow").path("statuses").size());
    }

    @Test
    void anAdministratorGivesAServiceItsOwnWorkflowAndPutsItBackToTheDefault() {
        APIGatewayV2HTTPResponse changed = putWorkflow("missed-bin", binsWorkflow(), ADMIN, "admin");
        assertEquals(200, changed.getStatusCode(), changed.getBody());
        assertEquals("service", json(changed).path("source").asText());
        assertEquals(ADMIN, json(changed).path("updatedBy").path("id").asText());
        assertEquals("collected", workflows.overrides.get("missed-bin").workflow().statuses().get(1).id());
        APIGatewayV2HTTPResponse reset = putWorkflow("missed-bin", Map.of("useDefault", true), ADMIN, "admin");
        assertEquals(200, reset.getStatusCode(), reset.getBody());
        assertEquals("default", json(reset).path("source").asText());
        assertTrue(workflows.overrides.isEmpty());
    }

    @Test
    void aWorkflowWithoutAFinalStatusIs400NamingTheStatusesAndChangesNothing() {
        APIGatewayV2HTTPResponse wrong = putWorkflow("missed-bin", Map.of("workflow", Map.of(
                "statuses", List.of(Map.of("id", "received", "label", "Received")), "transitions", Map.of())), ADMIN, "admin");
        assertEquals(400, wrong.getStatusCode());
        assertTrue(names(wrong, "workflow.statuses"), wrong.getBody());
        assertTrue(workflows.overrides.isEmpty());
    }

    @Test
    void theWorkflowOfAnUnknownServiceIs404WhateverTheBodySays() {
        assertEquals(404, call(handler, event("GET /staff/workflows/{serviceId}", Map.of("serviceId", "nowhere"), null,
                ADMIN, "admin")).getStatusCode());
        assertEquals(404, putWorkflow("nowhere", Map.of("workflow", "not a workflow"), ADMIN, "admin").getStatusCode());
    }

    @Test
    void aSupervisorCannotChangeAWorkflow() {
        assertEquals(403, putWorkflow("missed-bin", binsWorkflow(), "supervisor-1", "supervisor").getStatusCode());
        assertTrue(workflows.overrides.isEmpty());
    }
}
