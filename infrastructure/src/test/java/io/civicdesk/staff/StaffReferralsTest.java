package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.figures.ReferralFiguresStore;
import io.civicdesk.platform.Json;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.civicdesk.staff.StaffApi.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Referrals between units through the API: timed by the pair's agreed target on the council's calendar, answered by
 * the receiving unit (accepted into its queue, or sent back as wrongly referred), and counted per pair and day in
 * the same transaction. Each test makes units of its own, so no other test's referrals are in its counts.
 */
class StaffReferralsTest {
    private static final ReferralFiguresStore FIGURES = new ReferralFiguresStore(TestStack.get().dynamoDb(), "FiguresTable");

    @Test
    void aReferralAcceptedByTheReceivingUnitMovesTheRequestIntoItsQueue() {
        StaffApi.OwnUnit from = StaffApi.OwnUnit.create("refers");
        StaffApi.OwnUnit to = StaffApi.OwnUnit.create("receives");
        agree(from.unitId(), to.unitId(), 3);
        String reference = StaffApi.residentReport(from.report(StaffApi.email()));
        StaffApi referrer = StaffApi.as(from.officer());
        StaffApi receiver = StaffApi.as(to.officer());

        JsonNode referred = referrer.done(reference, Map.of("action", "refer", "unitId", to.unitId(),
                "reason", "The bin is on a verge this unit looks after."));
        assertEquals(from.unitId(), referred.path("unit").path("id").asText(), "it stays with the referring unit until accepted");
        JsonNode referral = referred.path("referrals").get(0);
        assertEquals("pending", referral.path("status").asText());
        assertEquals(180, referral.path("targetMinutes").asLong());
        assertEquals(dueAfter(Instant.parse(referral.path("referredAt").asText()), Duration.ofHours(3)),
                Instant.parse(referral.path("dueAt").asText()), "three business hours on the council's calendar");
        assertFalse(actions(referred).contains("refer"), "one referral at a time");
        assertEquals("referral", last(referred).path("action").asText());
        assertEquals(to.unitId(), last(referred).path("after").path("referredTo").asText());

        assertTrue(actions(receiver.view(reference)).containsAll(List.of("accept-referral", "send-back")));
        assertEquals(List.of(reference), waiting(receiver, to.unitId()), "it waits in the receiving unit's list");
        Api.Reply notTheirs = referrer.act(reference, Map.of("action", "accept-referral"));
        assertEquals(403, notTheirs.status(), notTheirs.body());

        JsonNode accepted = receiver.done(reference, Map.of("action", "accept-referral"));
        assertEquals(to.unitId(), accepted.path("unit").path("id").asText());
        assertTrue(accepted.path("canAct").asBoolean());
        assertEquals("accepted", accepted.path("referrals").get(0).path("status").asText());
        assertTrue(accepted.path("referrals").get(0).path("answeredInTime").asBoolean());
        assertEquals("referral-accepted", last(accepted).path("action").asText());
        assertTrue(queue(receiver, to.unitId()).contains(reference));
        assertFalse(queue(referrer, from.unitId()).contains(reference));
        assertEquals(List.of(), waiting(receiver, to.unitId()), "answered, it leaves the list");
        Api.Reply notTheirList = referrer.get("/staff/referrals?unit=" + to.unitId());
        assertEquals(403, notTheirList.status(), notTheirList.body());

        ReferralFiguresStore.PairCounts counts = today(from.unitId());
        assertEquals(new ReferralFiguresStore.PairCounts(from.unitId(), to.unitId(), 1, 1, 0, 1), counts);
    }

    @Test
    void aReferralSentBackStaysWithTheReferringUnitAndIsCountedAsWronglyReferred() {
        StaffApi.OwnUnit from = StaffApi.OwnUnit.create("refers");
        StaffApi.OwnUnit to = StaffApi.OwnUnit.create("returns");
        String reference = StaffApi.residentReport(from.report(StaffApi.email()));
        StaffApi referrer = StaffApi.as(from.officer());
        StaffApi receiver = StaffApi.as(to.officer());
        JsonNode referred = referrer.done(reference, Map.of("action", "refer", "unitId", to.unitId(), "reason", "Theirs?"));
        assertEquals(8 * 60, referred.path("referrals").get(0).path("targetMinutes").asLong(),
                "a pair with no agreement of its own is held to the default");

        Api.Reply noReason = receiver.act(reference, Map.of("action", "send-back"));
        noReason.assertNames("reason");
        JsonNode sentBack = receiver.done(reference, Map.of("action", "send-back",
                "reason", "Verges are Parks, not us: refer it there."));
        assertEquals(from.unitId(), sentBack.path("unit").path("id").asText());
        JsonNode referral = sentBack.path("referrals").get(0);
        assertEquals("sent-back", referral.path("status").asText());
        assertEquals("Verges are Parks, not us: refer it there.", referral.path("returnReason").asText());
        assertEquals("referral-sent-back", last(sentBack).path("action").asText());
        assertEquals("true", last(sentBack).path("after").path("wronglyReferred").asText());
        assertTrue(actions(referrer.view(reference)).contains("refer"), "it can be referred again, elsewhere");

        assertEquals(new ReferralFiguresStore.PairCounts(from.unitId(), to.unitId(), 1, 0, 1, 1), today(from.unitId()));
    }

    @Test
    void mistakesAreRefusedNamingTheFieldAndNothingIsSaved() {
        StaffApi.OwnUnit from = StaffApi.OwnUnit.create("refers");
        StaffApi.OwnUnit to = StaffApi.OwnUnit.create("receives");
        String reference = StaffApi.residentReport(from.report(StaffApi.email()));
        StaffApi referrer = StaffApi.as(from.officer());
        long version = referrer.view(reference).path("version").asLong();

        Api.Reply nothing = referrer.act(reference, Map.of("action", "refer"));
        nothing.assertNames("unitId");
        nothing.assertNames("reason");
        referrer.act(reference, Map.of("action", "refer", "unitId", from.unitId(), "reason", "x")).assertNames("unitId");
        referrer.act(reference, Map.of("action", "refer", "unitId", "no-such-unit", "reason", "x")).assertNames("unitId");
        referrer.act(reference, Map.of("action", "refer", "unitId", to.unitId(), "reason", "x".repeat(1001))).assertNames("reason");
        Api.Reply nothingToAccept = StaffApi.as(to.officer()).act(reference, Map.of("action", "accept-referral"));
        assertEquals(403, nothingToAccept.status(), "nothing is referred to them: it is not theirs" + nothingToAccept.body());
        assertEquals(version, referrer.view(reference).path("version").asLong());
        assertTrue(referrer.view(reference).path("referrals").isEmpty());

        StaffApi admin = StaffApi.as(ADMIN);
        JsonNode targets = admin.get("/staff/referral-targets").json();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("defaultHours", 0);
        bad.put("version", targets.path("version").asLong());
        bad.put("pairs", List.of(Map.of("fromUnitId", from.unitId(), "toUnitId", from.unitId(), "hours", 4),
                Map.of("fromUnitId", from.unitId(), "toUnitId", to.unitId(), "hours", 99999)));
        Api.Reply refused = admin.put("/staff/referral-targets", bad);
        refused.assertNames("defaultHours");
        refused.assertNames("pairs[1].hours");
        bad.put("defaultHours", 8);
        bad.put("pairs", List.of(Map.of("fromUnitId", from.unitId(), "toUnitId", from.unitId(), "hours", 4)));
        admin.put("/staff/referral-targets", bad).assertNames("pairs[0].toUnitId");
        Api.Reply officer = referrer.get("/staff/referral-targets");
        assertEquals(403, officer.status(), officer.body());
    }

    @Test
    void aStaleVersionIsAConflictAndARetriedKeyGetsTheFirstAnswer() {
        StaffApi.OwnUnit from = StaffApi.OwnUnit.create("refers");
        StaffApi.OwnUnit to = StaffApi.OwnUnit.create("receives");
        String reference = StaffApi.residentReport(from.report(StaffApi.email()));
        StaffApi referrer = StaffApi.as(from.officer());
        long seen = referrer.view(reference).path("version").asLong();
        referrer.done(reference, Map.of("action", "note", "note", "Checked the bin's address."));
        Api.Reply stale = referrer.act(reference, Map.of("action", "refer", "unitId", to.unitId(), "reason", "Theirs.",
                "expectedVersion", seen));
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.json().path("details").path("current").path("referrals").isEmpty());

        Map<String, String> headers = new HashMap<>(Api.signedInAs(from.officer()));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        String body = Json.write(Map.of("action", "refer", "unitId", to.unitId(), "reason", "Theirs.",
                "expectedVersion", seen + 1));
        Api.Reply first = TestStack.api().post("/staff/requests/" + reference + "/actions", body, headers);
        Api.Reply again = TestStack.api().post("/staff/requests/" + reference + "/actions", body, headers);
        assertEquals(200, first.status(), first.body());
        assertEquals(first.body(), again.body());
        assertEquals(1, referrer.view(reference).path("referrals").size());
        assertEquals(1, today(from.unitId()).referred());
    }

    /** A generated day of referrals between three units: the counts per pair equal the referrals themselves. */
    @Test
    void theCountsPerPairReconcileWithTheReferralsMade() {
        List<StaffApi.OwnUnit> units = List.of(StaffApi.OwnUnit.create("recon"), StaffApi.OwnUnit.create("recon"),
                StaffApi.OwnUnit.create("recon"));
        Random random = new Random(11);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            StaffApi.OwnUnit from = units.get(random.nextInt(3));
            String reference = StaffApi.residentReport(from.report(StaffApi.email()));
            references.add(reference);
            StaffApi.OwnUnit to = units.get((units.indexOf(from) + 1 + random.nextInt(2)) % 3);
            StaffApi.as(from.officer()).done(reference, Map.of("action", "refer", "unitId", to.unitId(), "reason", "Theirs."));
            int answer = random.nextInt(3);
            if (answer > 0) {
                StaffApi.as(to.officer()).done(reference, Map.of("action", answer == 1 ? "accept-referral" : "send-back",
                        "reason", "Not ours.").entrySet().stream().filter(e -> answer == 2 || !e.getKey().equals("reason"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            }
        }
        Map<String, long[]> raw = new HashMap<>();
        for (String reference : references) {
            for (JsonNode referral : StaffApi.as(ADMIN).view(reference).path("referrals")) {
                long[] counts = raw.computeIfAbsent(referral.path("from").path("id").asText() + ">"
                        + referral.path("to").path("id").asText(), pair -> new long[4]);
                counts[0]++;
                counts[1] += referral.path("status").asText().equals("accepted") ? 1 : 0;
                counts[2] += referral.path("status").asText().equals("sent-back") ? 1 : 0;
                counts[3] += referral.path("answeredInTime").asBoolean(false) ? 1 : 0;
            }
        }
        Map<String, long[]> counted = new HashMap<>();
        LocalDate today = TestStack.today();
        for (ReferralFiguresStore.PairCounts pair : FIGURES.period(today, today).pairs()) {
            if (units.stream().anyMatch(unit -> unit.unitId().equals(pair.fromUnitId()))) {
                counted.put(pair.fromUnitId() + ">" + pair.toUnitId(),
                        new long[]{pair.referred(), pair.accepted(), pair.sentBack(), pair.answeredInTime()});
            }
        }
        assertEquals(raw.keySet(), counted.keySet());
        raw.forEach((pair, counts) -> assertEquals(List.of(counts[0], counts[1], counts[2], counts[3]),
                List.of(counted.get(pair)[0], counted.get(pair)[1], counted.get(pair)[2], counted.get(pair)[3]), pair));
    }

    /** Sets the pair's target, keeping every other: read, then put under the version read. */
    static void agree(String fromUnitId, String toUnitId, int hours) {
        StaffApi admin = StaffApi.as(ADMIN);
        for (int attempt = 0; attempt < 5; attempt++) {
            JsonNode targets = admin.get("/staff/referral-targets").json();
            List<Object> pairs = new ArrayList<>();
            targets.path("pairs").forEach(pair -> pairs.add(Map.of("fromUnitId", pair.path("fromUnitId").asText(),
                    "toUnitId", pair.path("toUnitId").asText(), "hours", pair.path("hours").asInt())));
            pairs.add(Map.of("fromUnitId", fromUnitId, "toUnitId", toUnitId, "hours", hours));
            Api.Reply saved = admin.put("/staff/referral-targets", Map.of("defaultHours", targets.path("defaultHours").asInt(),
                    "pairs", pairs, "version", targets.path("version").asLong()));
            if (saved.status() == 200) {
                return;
            }
            assertEquals(409, saved.status(), saved.body());
        }
        throw new AssertionError("could not save the referral targets");
    }

    private static Instant dueAfter(Instant from, Duration target) {
        CatalogStore catalog = new CatalogStore(TestStack.get().dynamoDb(), "CatalogTable");
        BusinessCalendar calendar = catalog.calendar(catalog.council().calendarId()).orElseThrow();
        return calendar.addBusinessTime(from, target);
    }

    private static ReferralFiguresStore.PairCounts today(String fromUnitId) {
        LocalDate today = TestStack.today();
        List<ReferralFiguresStore.PairCounts> pairs = FIGURES.period(today, today).of(fromUnitId);
        assertEquals(1, pairs.size(), pairs.toString());
        return pairs.get(0);
    }

    private static List<String> actions(JsonNode view) {
        List<String> actions = new ArrayList<>();
        view.path("allowedActions").forEach(action -> actions.add(action.asText()));
        return actions;
    }

    private static JsonNode last(JsonNode view) {
        JsonNode history = view.path("history");
        assertNotNull(history.get(history.size() - 1));
        return history.get(history.size() - 1);
    }

    private static List<String> waiting(StaffApi who, String unit) {
        Api.Reply reply = who.get("/staff/referrals?unit=" + unit);
        assertEquals(200, reply.status(), reply.body());
        List<String> refs = new ArrayList<>();
        reply.json().path("items").forEach(item -> refs.add(item.path("reference").asText()));
        return refs;
    }

    private static List<String> queue(StaffApi who, String unit) {
        List<String> refs = new ArrayList<>();
        who.get("/staff/queue?unit=" + unit + "&limit=100").json().path("items")
                .forEach(item -> refs.add(item.path("reference").asText()));
        return refs;
    }
}
