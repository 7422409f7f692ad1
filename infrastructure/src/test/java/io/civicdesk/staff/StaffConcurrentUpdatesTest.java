package io.civicdesk.staff;

import io.civicdesk.directory.StaffMember;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.civicdesk.staff.StaffApi.ELLA;
import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Officers saving the same request at the same moment: one wins, the others are told, nothing is lost. */
class StaffConcurrentUpdatesTest {

    /** Fires every call at once (released by one latch) and returns the replies in call order. */
    private static List<Api.Reply> atOnce(List<java.util.concurrent.Callable<Api.Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoOfficersSavingTheSameVersionAtOnceOneWinsTheOtherGets409WithTheCurrentStateAndNothingIsLost() throws Exception {
        String reference = StaffApi.residentReport(StaffApi.email());
        long version = StaffApi.as(SAM).view(reference).path("version").asLong();
        String path = "/staff/requests/" + reference + "/actions";
        List<Api.Reply> replies = atOnce(List.of(
                () -> StaffApi.as(SAM).post(path, Map.of("action", "acknowledge", "expectedVersion", version,
                        "publicMessage", "Sam has it.")),
                () -> StaffApi.as(ELLA).post(path, Map.of("action", "priority", "priority", "high", "expectedVersion", version,
                        "note", "Ella thinks it is urgent."))));

        List<Integer> statuses = replies.stream().map(Api.Reply::status).sorted().toList();
        assertEquals(List.of(200, 409), statuses, replies.toString());
        Api.Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        Api.Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        JsonNode current = loser.json().path("current");
        assertEquals(version + 1, current.path("version").asLong(), "the 409 carries the state the winner saved");
        assertEquals(winner.json().path("version").asLong(), current.path("version").asLong());
        assertEquals(winner.json().path("history").size(), current.path("history").size());

        // The loser saw what changed and saves again, on the current version: both changes are kept.
        boolean samLost = loser == replies.get(0);
        JsonNode after = samLost
                ? StaffApi.as(SAM).done(reference, Map.of("action", "acknowledge", "publicMessage", "Sam has it."))
                : StaffApi.as(ELLA).done(reference, Map.of("action", "priority", "priority", "high", "note", "Ella thinks it is urgent."));
        assertEquals(version + 2, after.path("version").asLong());
        assertEquals("acknowledged", after.path("status").asText());
        assertEquals("high", after.path("priority").asText());
        List<String> actions = new ArrayList<>();
        after.path("history").forEach(entry -> actions.add(entry.path("action").asText()));
        assertTrue(actions.containsAll(List.of("created", "acknowledge", "priority")), actions.toString());
        assertEquals(3, actions.size(), actions.toString());
    }

    @Test
    void ofEightSavesOnTheSameVersionExactlyOneIsKept() throws Exception {
        String reference = StaffApi.residentReport(StaffApi.email());
        long version = StaffApi.as(SAM).view(reference).path("version").asLong();
        String path = "/staff/requests/" + reference + "/actions";
        List<java.util.concurrent.Callable<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String note = "Note " + i;
            StaffMember officer = i % 2 == 0 ? SAM : ELLA;
            calls.add(() -> StaffApi.as(officer).post(path,
                    Map.of("action", "note", "note", note, "expectedVersion", version)));
        }
        List<Api.Reply> replies = atOnce(calls);
        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), replies.toString());
        assertEquals(7, replies.stream().filter(r -> r.status() == 409).count(), replies.toString());
        JsonNode view = StaffApi.as(SAM).view(reference);
        assertEquals(version + 1, view.path("version").asLong());
        assertEquals(2, view.path("history").size(), "created, and the one note that won");
    }
}
