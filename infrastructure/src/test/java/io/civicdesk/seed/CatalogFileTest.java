package io.civicdesk.seed;

import io.civicdesk.bookings.BookingRules.Blackout;
import io.civicdesk.bookings.Facility;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.ServiceFee;
import io.civicdesk.catalog.QuestionType;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogFileTest {
    /** A Wednesday in December 2026, in Perth. */
    private static final Clock DECEMBER_2026 = at("2026-12-02T10:00+08:00");

    private static Clock at(String instant) {
        return Clock.fixed(OffsetDateTime.parse(instant).toInstant(), ZoneOffset.UTC);
    }

    private static CatalogFile example(Clock clock) throws IOException, CatalogFileException {
        return CatalogFile.read(CatalogSchemaTest.EXAMPLE, clock);
    }

    private static List<Mistake> mistakes(String yaml) {
        return assertThrows(CatalogFileException.class, () -> CatalogFile.read("council.yaml", yaml, DECEMBER_2026)).mistakes();
    }

    @Test
    void theExampleLoadsWhole() throws Exception {
        CatalogFile file = example(DECEMBER_2026);
        assertEquals("City of Melaleuca", file.council().name());
        assertEquals("Australia/Perth", file.council().timeZone());
        assertEquals("council", file.council().calendarId());
        assertEquals(List.of("waste", "roads", "parks", "rangers", "building", "customer-service"), file.units().stream().map(unit -> unit.id()).toList());
        assertEquals(14, file.services().size());
        assertEquals(List.of(1, 2, 3), file.services().get(0).questions().stream().map(Question::order).toList());
        assertEquals(file.services().get(0).questions().get(0).options(), file.services().get(1).questions().get(0).options(),
                "an alias repeats the options it names");
        Question volume = file.services().get(2).question("volume").orElseThrow();
        assertEquals(QuestionType.NUMBER, volume.type());
        assertEquals(0.5, volume.min());
        assertEquals(6.0, volume.max());
        assertEquals(List.of("Yes", "No"), file.services().get(0).question("out-by-6am").orElseThrow().options());
        assertEquals(List.of("hazard", "urgent", "high"), file.policies().stream().map(ServiceLevelPolicy::id).toList());
        assertEquals(List.of(10, 20, 30), file.policies().stream().map(ServiceLevelPolicy::order).toList());
        assertEquals(7, file.facilities().size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), file.facilities().stream().map(Facility::order).toList());
    }

    @Test
    void aServicesFeeLoadsAndAWrongOneIsToldByField() throws Exception {
        Service verge = example(DECEMBER_2026).services().stream().filter(s -> s.id().equals("bulk-verge")).findFirst().orElseThrow();
        assertEquals(new ServiceFee(4500, "One collection of up to 6 cubic metres", true), verge.fee());
        assertTrue(verge.paidOnline());
        String yaml = """
                council: {name: Wandoo, calendarId: office}
                units: [{id: works, name: Works}]
                services:
                  - id: pothole
                    name: Pothole
                    theme: Roads
                    unitId: works
                    description: A hole in a road.
                    whatHappensNext: We fill it.
                    timeframe: Within a week.
                    responseDays: 1
                    resolutionDays: 5
                    fee: {amountCents: 0, price: 5}
                calendars: [{id: office, timeZone: Australia/Perth, openingHours: {monday: 08:00-17:00}}]
                """;
        List<String> found = mistakes(yaml).stream().map(Mistake::toString).toList();
        assertTrue(found.stream().anyMatch(m -> m.contains("services[0].fee.price")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("services[0].fee.amountCents")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("services[0].fee.covers")), found.toString());
    }

    @Test
    void holidaysAndClosuresAreCountedFromTheYearTheFileIsLoadedIn() throws Exception {
        CatalogFile file = example(DECEMBER_2026);
        BusinessCalendar council = file.calendar("council");
        for (int year : List.of(2025, 2026, 2027)) {
            assertEquals("Christmas Day", council.holidays().get(LocalDate.of(year, 12, 25)));
        }
        assertEquals(Set.of(2025, 2026, 2027), council.holidays().keySet().stream().map(LocalDate::getYear).collect(Collectors.toSet()));
        assertEquals("Western Australia Day", council.holidays().get(LocalDate.of(2027, 6, 7)));

        Facility pavilion = facility(file, "reserve-pavilion");
        assertEquals(List.of(
                Blackout.oneOff("closed for the Christmas break", LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 2)),
                Blackout.oneOff("closed for the Christmas break", LocalDate.of(2027, 12, 24), LocalDate.of(2028, 1, 2)),
                new Blackout("the annual Melaleuca Show", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                        Set.of(DayOfWeek.SATURDAY), null, null)), pavilion.rules().blackouts());
        assertEquals(Blackout.weekly("floor maintenance", Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(12, 0)),
                facility(file, "banksia-hall").rules().blackouts().get(2));
    }

    @Test
    void thisYearIsTheCouncils() throws Exception {
        // 17:00 on 31 December in London is already New Year's Day in Perth.
        CatalogFile file = example(at("2026-12-31T17:00Z"));
        assertEquals(Set.of(2026, 2027, 2028), file.calendar("council").holidays().keySet().stream()
                .map(LocalDate::getYear).collect(Collectors.toSet()));
        assertEquals(LocalDate.of(2027, 12, 24), facility(file, "wattle-hall").rules().blackouts().get(0).from());
    }

    private static Facility facility(CatalogFile file, String id) {
        return file.facilities().stream().filter(facility -> facility.id().equals(id)).findFirst().orElseThrow();
    }

    /** A council of one unit, one service and one calendar; {@code more} is added at the end. */
    static String small(String more) {
        return """
                council: {name: Shire of Wandoo, calendarId: office}
                units:
                  - {id: works, name: Works}
                services:
                  - id: pothole
                    name: Pothole
                    theme: Roads
                    unitId: works
                    description: A hole in a road.
                    whatHappensNext: We fill it.
                    timeframe: Within a week.
                    responseDays: 1
                    resolutionDays: 5
                    questions:
                      - {id: danger, label: "Is it dangerous?", type: single-choice, required: true, options: [Yes, No]}
                calendars:
                  - id: office
                    timeZone: Australia/Sydney
                    openingHours: {monday: [09:00-12:00, 13:00-17:00]}
                    holidays: [{date: 2026-12-28, name: Office closed}]
                """ + more;
    }

    @Test
    void aSmallCouncilLoadsWithItsOwnTimeZoneAndPlainYesAndNo() throws Exception {
        CatalogFile file = CatalogFile.read("wandoo.yaml", small(""), DECEMBER_2026);
        assertEquals("Australia/Sydney", file.council().timeZone());
        assertEquals(List.of("Yes", "No"), file.services().get(0).questions().get(0).options(), "YAML 1.1 would read them as booleans");
        assertEquals(Map.of(LocalDate.of(2026, 12, 28), "Office closed"), file.calendar("office").holidays());
        assertEquals(ZoneId.of("Australia/Sydney"), file.calendar("office").zone());
        assertEquals(List.of(), file.policies());
        assertEquals(List.of(), file.facilities());
    }

    @Test
    void articlesArePublishedAsWrittenWithTheirReviewDateCountedFromLoading() throws Exception {
        CatalogFile file = CatalogFile.read("wandoo.yaml", small("""
                articles:
                  - id: potholes
                    kind: guidance
                    audience: residents
                    unitId: works
                    serviceIds: [pothole]
                    reviewInMonths: 6
                    title: Potholes
                    summary: What we fix, and how fast.
                    body: |
                      ## Potholes
                      We fill them.
                """), DECEMBER_2026);

        io.civicdesk.articles.Article potholes = file.articles().get(0);
        assertEquals(LocalDate.of(2027, 6, 2), potholes.reviewBy());
        assertEquals(List.of("pothole"), potholes.serviceIds());
        assertEquals(io.civicdesk.articles.Audience.RESIDENTS, potholes.audience());
        assertEquals("## Potholes\nWe fill them.", potholes.body());
        assertEquals(17, example(DECEMBER_2026).articles().size());
    }

    @Test
    void anArticlesMistakesAreEachNamedAtTheirField() {
        List<String> found = mistakes(small("""
                articles:
                  - {id: a, kind: poem, audience: residents, unitId: roads, serviceIds: [pothole, verge], reviewInMonths: 6, title: A, summary: A., body: A}
                  - {id: a, kind: guidance, audience: everyone, unitId: works, reviewInMonths: 100, title: B, summary: B., body: B}
                """)).stream().map(Mistake::toString).toList();

        assertEquals(6, found.size(), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("articles[0].kind") && m.contains("choose guidance or unit-page")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("articles[0].unitId") && m.contains("no unit \"roads\"")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("articles[0].serviceIds[1]") && m.contains("no service \"verge\"")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("articles[1].id")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("articles[1].audience")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("articles[1].reviewInMonths")), found.toString());
    }

    @Test
    void retentionPeriodsAreReadInDaysAndAKindLeftOutKeepsItsDefault() throws Exception {
        assertEquals(2557, example(DECEMBER_2026).retention().get(io.civicdesk.privacy.RecordKind.REQUESTS));
        CatalogFile file = CatalogFile.read("wandoo.yaml", small("""
                retention: {requests: 1825}
                """), DECEMBER_2026);
        assertEquals(Map.of(io.civicdesk.privacy.RecordKind.REQUESTS, 1825), file.retention());
        assertTrue(CatalogFile.read("wandoo.yaml", small(""), DECEMBER_2026).retention().isEmpty(), "no section: the defaults");
    }

    @Test
    void aRetentionPeriodOutOfRangeOrOfAnUnknownKindIsNamedAtItsField() {
        List<String> found = mistakes(small("""
                retention: {requests: 3, letters: 90}
                """)).stream().map(Mistake::toString).toList();
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("retention.requests") && m.contains("from 7 to 36525")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.contains("retention.letters")), found.toString());
    }

    @Test
    void jsonIsACatalogueFileToo() throws Exception {
        String json = """
                {"council": {"name": "Shire of Wandoo", "calendarId": "office"},
                 "units": [{"id": "works", "name": "Works"}],
                 "services": [{"id": "pothole", "name": "Pothole", "theme": "Roads", "unitId": "works",
                               "description": "A hole in a road.", "whatHappensNext": "We fill it.",
                               "timeframe": "Within a week.", "responseDays": 1, "resolutionDays": 5}],
                 "calendars": [{"id": "office", "timeZone": "Australia/Perth",
                                "openingHours": {"friday": ["08:30-17:00"]},
                                "publicHolidays": {"state": "western-australia", "years": 2027}}]}
                """;
        CatalogFile file = CatalogFile.read("wandoo.json", json, DECEMBER_2026);
        assertEquals("Boxing Day", file.calendar("office").holidays().get(LocalDate.of(2027, 12, 26)));
        assertEquals(Set.of(2027), file.calendar("office").holidays().keySet().stream().map(LocalDate::getYear).collect(Collectors.toSet()));
    }

    @Test
    void aHolidayListedByHandNamesItsDayOverTheStates() throws Exception {
        CatalogFile file = CatalogFile.read("wandoo.yaml", small("").replace(
                "holidays: [{date: 2026-12-28, name: Office closed}]",
                "holidays: [{date: 2026-12-25, name: Christmas closure}]\n    publicHolidays: {state: western-australia, years: this year}"),
                DECEMBER_2026);
        assertEquals("Christmas closure", file.calendar("office").holidays().get(LocalDate.of(2026, 12, 25)));
        assertEquals("Boxing Day", file.calendar("office").holidays().get(LocalDate.of(2026, 12, 26)));
    }

    @Test
    void aFieldWrittenTwiceIsToldAtTheSecond() {
        assertEquals(List.of("council.yaml:21:1: council: \"council\" is written twice here; keep one"),
                mistakes(small("council: {name: Shire of Jarrah, calendarId: office}\n")).stream().map(Mistake::toString).toList());
    }

    @Test
    void textThatIsNotYamlIsToldWhereTheReadingStopped() {
        List<Mistake> found = mistakes("council: {name: Shire of Wandoo\nunits: [\n");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().startsWith("this is not readable YAML"), found.toString());
        assertTrue(found.get(0).line() > 0, found.toString());
    }

    @Test
    void anEmptyFileOrAListIsNoCatalogue() {
        assertEquals(List.of("council.yaml:1:1: the file is empty"), mistakes("# nothing yet\n").stream().map(Mistake::toString).toList());
        assertEquals(List.of("council.yaml:1:1: must be a catalogue: a mapping of its fields ($schema, council, units, services, "
                + "calendars, policies, facilities, synonyms, articles, guides, responses, retention, translations), not a list"), mistakes("- council\n").stream().map(Mistake::toString).toList());
    }

    @Test
    void bookingRulesAreCheckedAgainstOneAnother() {
        String facility = """
                facilities:
                  - id: hall
                    name: Hall
                    kind: Hall
                    summary: A hall.
                    description: A hall.
                    address: 1 Main Street
                    capacity: 100
                    openingHours: {saturday: 00:00-23:45}
                    rules: {slotMinutes: 60, minMinutes: 30, maxMinutes: 1440, bufferBeforeMinutes: 60, minNoticeHours: 1,
                            maxNoticeDays: 30, changeCutoffHours: 1, maxOccurrences: 4}
                """;
        assertEquals(List.of(
                "council.yaml:30:42: facilities[0].rules.minMinutes: 30 is shorter than a slot (slotMinutes 60): the shortest booking is one slot or more",
                "council.yaml:30:58: facilities[0].rules.maxMinutes: the longest booking with its buffers (1500 minutes) is longer than a day: shorten it or its buffers"),
                mistakes(small(facility)).stream().map(Mistake::toString).toList());
    }

    /** A file with a mistake or two in every part: each is told, at its line and column, with what to write instead. */
    private static final String WRONG = """
            council:
              name: Shire of Wandoo
              calendarId: ofice
            units:
              - {id: works, name: Works}
              - {id: works, name: Works again}
              - {id: Parks, name: Parks, email: parks-at-wandoo}
            services:
              - id: pothole
                name: Pothole
                theme: Roads
                unitId: wroks
                description: A hole in a road.
                whatHappensNext: We fill it.
                timeframe: Within a week.
                responseDays: 5
                resolutionDays: 1
                questins: []
              - id: verge
                theme: Parks
                unitId: works
                description: Long grass.
                whatHappensNext: We mow it.
                timeframe: Within a fortnight.
                responseDays: one
                resolutionDays: 10
                questions:
                  - {id: where, label: "Where is it?", type: dropdwn}
                  - {id: size, label: "How big?", type: single-choice, options: [Big]}
                  - {id: depth, label: "How deep?", type: number, min: 10, max: 1, maxLength: 5}
                  - {id: note, label: "Anything else?", type: short-text, maxLength: 5000, required: yes}
                  - {id: note, label: "Again?", type: date, options: [Today]}
            calendars:
              - id: office
                timeZone: Australia/Pert
                openingHours: {monday: [08:30-17:00], funday: [09:00-10:00]}
                publicHolidays: {state: victoria, years: next year}
            policies:
              - {id: urgent, order: 20, priority: urgent, firstResponseMinutes: 120, resolutionMinutes: 60}
              - {id: high, order: 30, priority: high, firstResponseMinutes: 240, resolutionMinutes: 480, serviceId: graffiti}
              - {id: low, order: 30, priority: low, firstResponseMinutes: 240, resolutionMinutes: 480}
              - {id: normal, order: 25, priority: normal, firstResponseMinutes: 240, resolutionMinutes: 480}
            facilities:
              - id: hall
                name: Hall
                kind: Hall
                summary: A hall.
                description: A hall.
                address: 1 Main Street
                capacity: 0
                photos: [{url: "http://example.org/hall.jpg", alt: The hall}]
                openingHours: {monday: 08:00-24:00, tuesday: 08:00-22:00}
                rules:
                  slotMinutes: 20
                  minMinutes: 60
                  maxMinutes: 120
                  minNoticeHours: 1
                  maxNoticeDays: 30
                  changeCutoffHours: 1
                  maxOccurrences: 4
                  approvalRequired: true
                  blackouts:
                    - {reason: Christmas, yearly: {from: 12-24, until: 13-02, years: this year to this year + 1}}
                    - {reason: Works, from: 2027-02-10, until: 2027-02-01}
                    - {reason: Mornings, weekly: [mon], startTime: "09:00"}
                    - {reason: Show, from: 2027-03-01, yearly: {from: 03-01, until: 03-31, years: this year - 30}}
            """;

    @Test
    void everyMistakeIsToldAtItsPlaceInTheOrderOfTheFile() {
        assertEquals(List.of(
                "council.yaml:3:15: council.calendarId: there is no calendar \"ofice\" in this file; choose one of office",
                "council.yaml:6:10: units[1].id: \"works\" is already the id of another unit; give each its own",
                "council.yaml:7:10: units[2].id: \"Parks\" is not an id: write up to 64 lower-case letters, digits and hyphens, for example missed-bin",
                "council.yaml:7:37: units[2].email: \"parks-at-wandoo\" is not an email address: write the unit's shared inbox, for example waste@council.example",
                "council.yaml:12:13: services[0].unitId: there is no unit \"wroks\" in this file; choose one of works",
                "council.yaml:17:21: services[0].resolutionDays: 1 is sooner than the first response (responseDays 5): promise the resolution on or after it",
                "council.yaml:18:15: services[0].questins: \"questins\" is not a field of a service (did you mean questions?); its fields are id, name, theme, unitId, description, whatHappensNext, timeframe, notice, responseDays, resolutionDays, keywords, questions, fee",
                "council.yaml:19:5: services[1].name: is missing: write text of up to 100 characters",
                "council.yaml:25:19: services[1].responseDays: must be a whole number from 0 to 365, not \"one\"",
                "council.yaml:28:50: services[1].questions[0].type: \"dropdwn\" is not a question type; choose one of short-text, long-text, number, date, single-choice, multiple-choice",
                "council.yaml:29:69: services[1].questions[1].options: a single-choice question offers at least two options to choose from",
                "council.yaml:30:69: services[1].questions[2].max: is below min (10): the smallest answer allowed comes first",
                "council.yaml:30:83: services[1].questions[2].maxLength: only short-text and long-text answers have a longest length; leave it out",
                "council.yaml:31:74: services[1].questions[3].maxLength: must be a whole number from 1 to 200, not 5000",
                "council.yaml:31:90: services[1].questions[3].required: must be true or false, not \"yes\"",
                "council.yaml:32:14: services[1].questions[4].id: \"note\" is already the id of another question of this service; give each its own",
                "council.yaml:32:58: services[1].questions[4].options: only single-choice and multiple-choice questions offer options; leave them out",
                "council.yaml:35:15: calendars[0].timeZone: Enter a time zone by its region name, for example Australia/Perth or Australia/Sydney.",
                "council.yaml:36:51: calendars[0].openingHours.funday: Name each day in full and in lower case, monday to sunday.",
                "council.yaml:37:29: calendars[0].publicHolidays.state: \"victoria\" is not a state whose public holidays CivicDesk knows; choose one of western-australia",
                "council.yaml:37:46: calendars[0].publicHolidays.years: \"next year\" is not a year or years; write a year or a span of years, for example 2027, 2026 to 2028, or this year - 1 to this year + 1",
                "council.yaml:39:93: policies[0].resolutionMinutes: The resolution target must be at least the first response target.",
                "council.yaml:40:105: policies[1].serviceId: There is no service graffiti in the catalogue. Choose one of its services, or leave it out for any service.",
                "council.yaml:41:22: policies[2].order: Policy high already has place 30 in the order. Choose a free place: the lowest place that fits a request decides its policy.",
                "council.yaml:42:25: policies[3].order: 25 comes before 30 (policy high, above): list the policies in their order, the one tried first at the top",
                "council.yaml:50:15: facilities[0].capacity: must be a whole number from 1 to 100000, not 0",
                "council.yaml:51:20: facilities[0].photos[0].url: \"http://example.org/hall.jpg\" is not an https:// address: the portal shows photos only from secure addresses",
                "council.yaml:52:28: facilities[0].openingHours.monday: \"08:00-24:00\" is not a day's opening hours: write opening-closing on the 24-hour clock, closing by 23:59, for example 08:00-23:00",
                "council.yaml:54:7: facilities[0].rules.holdHours: is missing: write a whole number from 1 to 720",
                "council.yaml:54:20: facilities[0].rules.slotMinutes: 20 is not a multiple of 15 minutes: bookings and their buffers line up on a 15-minute grid",
                "council.yaml:63:60: facilities[0].rules.blackouts[0].yearly.until: \"13-02\" is not a day of the year: write month-day, for example 12-24 for 24 December",
                "council.yaml:64:52: facilities[0].rules.blackouts[1].until: 2027-02-01 is before from 2027-02-10: a closure ends on or after the day it starts",
                "council.yaml:65:11: facilities[0].rules.blackouts[2].endTime: is missing: give both startTime and endTime, or neither to close the whole day",
                "council.yaml:65:39: facilities[0].rules.blackouts[2].weekly[0]: \"mon\" is not a weekday; write one of monday, tuesday, wednesday, thursday, friday, saturday, sunday",
                "council.yaml:66:32: facilities[0].rules.blackouts[3].from: a closure is yearly or between dates, not both: leave out from, or yearly",
                "council.yaml:66:87: facilities[0].rules.blackouts[3].yearly.years: \"this year - 30\" is 1996: the years run forward, from 2000 to 2100, at most 20 of them; write a year or a span of years, for example 2027, 2026 to 2028, or this year - 1 to this year + 1"),
                mistakes(WRONG).stream().map(Mistake::toString).toList());
    }
}
