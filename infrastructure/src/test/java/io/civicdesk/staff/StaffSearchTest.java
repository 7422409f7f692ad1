package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.civicdesk.staff.StaffApi.PRIYA;
import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /staff/search}: by reference, and by the resident's name, email, phone or address. */
class StaffSearchTest {
    private static String reference;
    private static String surname;
    private static String street;
    private static String email;
    private static String mobile;

    private static String word(Random random) {
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    @BeforeAll
    static void aResidentWithDetailsNobodyElseHas() {
        Random random = new Random();
        surname = word(random);
        street = word(random);
        email = "Search." + surname + "@Example.com";
        // 0412: a range the numbering plan allocates to mobiles (libphonenumber refuses unallocated ones).
        mobile = "0412" + String.format("%06d", random.nextInt(1_000_000));
        Map<String, Object> report = new HashMap<>(Reports.missedBin(email));
        report.put("contact", Map.of("name", "Alex " + surname, "email", email, "phone", mobile.substring(0, 4) + " "
                + mobile.substring(4, 7) + " " + mobile.substring(7)));
        report.put("location", Map.of("address", "14 " + street + " Street, Melaleuca WA 6999"));
        reference = StaffApi.residentReport(report);
    }

    private static JsonNode search(String q) {
        Api.Reply reply = StaffApi.as(SAM).get("/staff/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> references(JsonNode result) {
        List<String> references = new ArrayList<>();
        result.path("items").forEach(item -> references.add(item.path("reference").asText()));
        return references;
    }

    @Test
    void byReferenceInAnyCaseWithSpacesOrHyphens() {
        JsonNode result = search(reference.substring(0, 4).toLowerCase() + " - " + reference.substring(4).toLowerCase());
        assertEquals("reference", result.path("matchedBy").asText());
        assertEquals(List.of(reference), references(result));
    }

    @Test
    void byEmailWhateverItsCase() {
        JsonNode result = search(email.toUpperCase());
        assertEquals("email", result.path("matchedBy").asText());
        assertEquals(List.of(reference), references(result));
        assertEquals(List.of("email"), List.of(result.path("items").get(0).path("matched").get(0).asText()));
    }

    @Test
    void byPhoneWrittenAnyWayIncludingPlus61() {
        for (String typed : List.of(mobile, "+61 " + mobile.substring(1), "(" + mobile.substring(0, 4) + ") " + mobile.substring(4))) {
            JsonNode result = search(typed);
            assertEquals("phone", result.path("matchedBy").asText(), typed);
            assertEquals(List.of(reference), references(result), typed);
        }
    }

    @Test
    void byNameWordsAndAddressWordsEachAWholeWord() {
        JsonNode byName = search("alex " + surname.toLowerCase());
        assertEquals("words", byName.path("matchedBy").asText());
        assertEquals(List.of(reference), references(byName));
        assertEquals("Alex " + surname, byName.path("items").get(0).path("resident").path("name").asText());
        assertEquals(List.of(reference), references(search(street)));
        assertEquals("address", search(street).path("items").get(0).path("matched").get(0).asText());
        assertEquals(List.of(reference), references(search("14 " + street + " street")));
        assertEquals(List.of(), references(search(surname + " " + street + "x")), "every word must match");
        assertEquals(List.of(), references(search(surname.substring(0, 5))), "whole words, not parts");
    }

    @Test
    void officersOfAnyUnitFindAnyUnitsRequestsAndAnUnknownReferenceFindsNothing() {
        Api.Reply fromRoads = StaffApi.as(PRIYA).get("/staff/search?q=" + reference);
        assertEquals(200, fromRoads.status());
        assertEquals(List.of(reference), references(fromRoads.json()));
        assertEquals(List.of(), references(search("ZZZZ-ZZZ2")));
        assertEquals(400, StaffApi.as(SAM).get("/staff/search?q=x").status());
    }
}
