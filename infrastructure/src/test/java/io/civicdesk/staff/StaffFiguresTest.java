package io.civicdesk.staff;

import io.civicdesk.figures.UnitService;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.reports.ServiceLevelReport;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service-level figures follow the requests through the API: each submission, first response and resolution
 * is counted under the request's unit and service on the council day it happened, and a change that fails counts
 * nothing (the figures are written in the change's own transaction).
 */
@DependsOnTheDate
class StaffFiguresTest {

    @Test
    void submissionsResponsesAndResolutionsAreCountedOnceAndAFailedChangeAddsNothing() {
        // A unit of its own, so no other test's requests are in its figures.
        StaffApi.OwnUnit unit = StaffApi.OwnUnit.create("figures");
        LocalDate first = TestStack.today();
        String acknowledged = StaffApi.residentReport(unit.report(StaffApi.email()));
        String resolvedStraight = StaffApi.residentReport(unit.report(StaffApi.email()));
        StaffApi officer = StaffApi.as(unit.officer());

        long versionBefore = officer.view(acknowledged).path("version").asLong();
        officer.done(acknowledged, Map.of("action", "acknowledge"));
        officer.done(acknowledged, Map.of("action", "resolve", "resolution", "Emptied this morning."));
        // Resolved without an acknowledgement first: that resolution is its first response too.
        officer.done(resolvedStraight, Map.of("action", "resolve", "resolution", "Emptied this morning."));

        Api.Reply stale = officer.act(acknowledged, Map.of("action", "reopen", "expectedVersion", versionBefore));
        assertEquals(409, stale.status(), stale.body());
        Api.Reply notAllowed = officer.act(resolvedStraight, Map.of("action", "acknowledge"));
        assertEquals(409, notAllowed.status(), notAllowed.body());
        LocalDate last = TestStack.today();

        FiguresStore store = new FiguresStore(TestStack.get().dynamoDb(), "FiguresTable");
        Map<UnitService, Figures> figures = store.periodFigures(List.of(unit.unitId()), first, last).figures();
        assertEquals(List.of(new UnitService(unit.unitId(), unit.serviceId())), List.copyOf(figures.keySet()));
        Figures counted = figures.get(new UnitService(unit.unitId(), unit.serviceId()));
        assertEquals(2, counted.received());
        assertEquals(Map.of("online", 1.0), counted.channelMix());
        assertEquals(2, counted.resolved());
        assertEquals(1.0, counted.shareRespondedInTime());
        assertEquals(1.0, counted.shareResolvedInTime());
        assertEquals(0.0, counted.shareResolvedAtFirstContact());
        assertEquals(0, counted.breaches());
        // Figures does not show how many were responded to, only the share in time: read the counter itself.
        assertEquals(2, respondedOn(unit, first) + (last.equals(first) ? 0 : respondedOn(unit, last)));
    }

    private static long respondedOn(StaffApi.OwnUnit unit, LocalDate day) {
        Map<String, AttributeValue> item = TestStack.get().dynamoDb().getItem(request -> request.tableName("FiguresTable")
                .key(Map.of("pk", AttributeValue.fromS("UNIT#" + unit.unitId()),
                        "sk", AttributeValue.fromS("DAY#" + day + "#" + unit.serviceId())))).item();
        return item.containsKey("responded") ? Long.parseLong(item.get("responded").n()) : 0;
    }
}
