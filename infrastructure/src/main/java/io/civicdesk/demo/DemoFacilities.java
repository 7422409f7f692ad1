package io.civicdesk.demo;

import io.civicdesk.bookings.BookingRules;
import io.civicdesk.bookings.BookingRules.Blackout;
import io.civicdesk.bookings.BookingRules.Concession;
import io.civicdesk.bookings.BookingRules.Fee;
import io.civicdesk.bookings.Facility;
import io.civicdesk.bookings.Facility.OpeningHours;
import io.civicdesk.bookings.Facility.Photo;
import io.civicdesk.bookings.FacilityStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/**
 * The City of Melaleuca's bookable facilities: two halls, a meeting room, an oval, two BBQ shelters and a
 * pavilion, each with its own rules (instant or approval, slot sizes, buffers, notice, blackouts, fees). Written
 * through the same store the booking functions read. Tests rely on: "banksia-hall" (instant, Saturdays open,
 * 48 h notice, 30 min buffers), "karri-meeting-room" (instant, 1 h notice, no buffers), "melaleuca-oval"
 * (approval needed), "lakeside-bbq-shelter" (instant, free, 2 h minimum).
 */
public final class DemoFacilities {
    private static final String ZONE = DemoData.PERTH.getId();
    private static final List<Concession> CONCESSIONS = List.of(
            new Concession("community-group", "Not-for-profit community group", 50),
            new Concession("pensioner", "Pensioner or Health Care Card holder", 30));

    private DemoFacilities() {
    }

    public static void seed(DynamoDbClient dynamo, String catalogTable, int year) {
        FacilityStore store = new FacilityStore(dynamo, catalogTable);
        facilities(year).forEach(store::put);
    }

    /** The facilities as they stand in {@code year}: closed over this Christmas and the next. */
    public static List<Facility> facilities(int year) {
        List<Blackout> christmas = List.of(
                Blackout.oneOff("closed for the Christmas break", LocalDate.of(year, 12, 24), LocalDate.of(year + 1, 1, 2)),
                Blackout.oneOff("closed for the Christmas break", LocalDate.of(year + 1, 12, 24), LocalDate.of(year + 2, 1, 2)));
        return List.of(
                new Facility("banksia-hall", "Banksia Community Hall", "Community hall",
                        "A large hall with a stage and a kitchen, for parties, performances and meetings.",
                        "The main hall seats 150 at tables or 200 standing, with a sprung timber floor, a small stage, a"
                                + " commercial kitchen and a separate foyer. Tables and chairs are stacked in the store room.",
                        "14 Banksia Street, Melaleuca WA 6999", 200,
                        List.of("Stage", "Commercial kitchen", "Tables and chairs for 150", "Projector and screen", "Air conditioning"),
                        List.of("Level entry from the car park", "Accessible toilet with baby change", "Hearing loop in the main hall",
                                "Two ACROD parking bays by the entrance"),
                        List.of(new Photo("https://images.example.org/melaleuca/banksia-hall.jpg", "The main hall set with round tables")),
                        ZONE, every(LocalTime.of(8, 0), LocalTime.of(23, 0)),
                        new BookingRules(30, 120, 720, 48, 180, 30, 30,
                                concat(christmas, Blackout.weekly("floor maintenance", Set.of(MONDAY), LocalTime.of(8, 0), LocalTime.of(12, 0))),
                                false, 0, 72, new Fee(6500, 50000, CONCESSIONS), 26), 1),
                new Facility("wattle-hall", "Wattle Hall", "Community hall",
                        "A smaller hall for classes, clubs and family functions.",
                        "A bright hall with timber floors and mirrors along one wall, popular with dance and exercise classes.",
                        "3 Wattle Grove, Melaleuca WA 6999", 80,
                        List.of("Kitchenette", "Mirrors and a sound system", "Tables and chairs for 60"),
                        List.of("Ramp at the front entrance", "Accessible toilet"),
                        List.of(new Photo("https://images.example.org/melaleuca/wattle-hall.jpg", "Wattle Hall with a dance class")),
                        ZONE, weekdaysAndWeekend(LocalTime.of(7, 0), LocalTime.of(22, 0), LocalTime.of(8, 0), LocalTime.of(22, 0)),
                        new BookingRules(60, 60, 480, 24, 120, 0, 30, christmas, false, 0, 24,
                                new Fee(3500, 20000, CONCESSIONS), 20), 2),
                new Facility("karri-meeting-room", "Karri Meeting Room", "Meeting room",
                        "A quiet room at the library for meetings of up to 12.",
                        "A meeting room with a boardroom table, a wall screen for laptops, and tea and coffee.",
                        "Melaleuca Library, 1 Civic Drive, Melaleuca WA 6999", 12,
                        List.of("Boardroom table for 12", "Wall screen with HDMI", "Whiteboard", "Wi-Fi"),
                        List.of("Lift to the first floor", "Accessible toilet on the same floor", "Hearing loop"),
                        List.of(new Photo("https://images.example.org/melaleuca/karri-room.jpg", "The Karri Meeting Room table and screen")),
                        ZONE, weekdaysAndWeekend(LocalTime.of(8, 0), LocalTime.of(20, 0), LocalTime.of(9, 0), LocalTime.of(16, 0)),
                        new BookingRules(15, 30, 240, 1, 60, 0, 0, List.of(), false, 0, 2,
                                new Fee(1500, 0, CONCESSIONS), 12), 3),
                new Facility("melaleuca-oval", "Melaleuca Oval", "Sports oval",
                        "A full-size grass oval with lights, for sport and community events.",
                        "An AFL-sized oval with cricket wickets in summer, training lights and a small changeroom block.",
                        "Melaleuca Reserve, Oval Road, Melaleuca WA 6999", 500,
                        List.of("Training lights", "Changerooms", "Cricket wicket (summer)", "Goal posts (winter)"),
                        List.of("Accessible path from the car park to the changerooms", "Accessible toilet in the changeroom block"),
                        List.of(new Photo("https://images.example.org/melaleuca/oval.jpg", "Melaleuca Oval under lights")),
                        ZONE, every(LocalTime.of(6, 0), LocalTime.of(21, 0)),
                        new BookingRules(60, 60, 600, 72, 365, 0, 0,
                                concat(christmas, Blackout.weekly("turf renovation", Set.of(WEDNESDAY), LocalTime.of(6, 0), LocalTime.of(10, 0))),
                                true, 72, 168, new Fee(4000, 100000, CONCESSIONS), 30), 4),
                new Facility("lakeside-bbq-shelter", "Lakeside BBQ Shelter", "BBQ shelter",
                        "A covered shelter by the lake with two electric barbecues.",
                        "Shelter with six picnic tables, two free electric barbecues and a nearby playground and toilets.",
                        "Lakeside Park, Lake Drive, Melaleuca WA 6999", 40,
                        List.of("Two electric barbecues", "Six picnic tables", "Playground nearby", "Drinking fountain"),
                        List.of("Accessible picnic table", "Sealed path from the car park", "Accessible toilet 50 m away"),
                        List.of(new Photo("https://images.example.org/melaleuca/lakeside-bbq.jpg", "The shelter and barbecues by the lake")),
                        ZONE, every(LocalTime.of(7, 0), LocalTime.of(21, 0)),
                        new BookingRules(60, 120, 240, 2, 60, 0, 0, List.of(), false, 0, 2, new Fee(0, 0, List.of()), 10), 5),
                new Facility("jarrah-bbq-shelter", "Jarrah Reserve BBQ Shelter", "BBQ shelter",
                        "A small shelter with one barbecue, in a quiet reserve.",
                        "A shelter with two picnic tables and one electric barbecue, next to a fenced dog park.",
                        "Jarrah Reserve, Jarrah Way, Melaleuca WA 6999", 20,
                        List.of("One electric barbecue", "Two picnic tables", "Fenced dog park next door"),
                        List.of("Gravel path: firm but uneven", "No accessible toilet at this reserve"),
                        List.of(),
                        ZONE, weekend(LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new BookingRules(60, 60, 180, 24, 30, 0, 0, List.of(), false, 0, 24, new Fee(1000, 0, List.of()), 8), 6),
                new Facility("reserve-pavilion", "Melaleuca Reserve Pavilion", "Pavilion",
                        "A clubroom pavilion overlooking the oval, with a bar and kitchen.",
                        "A function room with a licensed bar, kitchen and balcony over the oval. Functions end by 11pm.",
                        "Melaleuca Reserve, Oval Road, Melaleuca WA 6999", 120,
                        List.of("Licensed bar (with a permit)", "Kitchen", "Balcony over the oval", "Tables and chairs for 100"),
                        List.of("Lift to the function room", "Accessible toilet", "ACROD parking"),
                        List.of(new Photo("https://images.example.org/melaleuca/pavilion.jpg", "The pavilion balcony at sunset")),
                        ZONE, every(LocalTime.of(9, 0), LocalTime.of(23, 0)),
                        new BookingRules(60, 180, 720, 168, 365, 60, 60,
                                concat(christmas, List.of(new Blackout("the annual Melaleuca Show", LocalDate.of(year + 1, 3, 1),
                                        LocalDate.of(year + 1, 3, 31), Set.of(SATURDAY), null, null))),
                                true, 120, 336, new Fee(9000, 100000, CONCESSIONS), 12), 7));
    }

    private static List<Blackout> concat(List<Blackout> a, Blackout b) {
        return concat(a, List.of(b));
    }

    private static List<Blackout> concat(List<Blackout> a, List<Blackout> b) {
        List<Blackout> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<DayOfWeek, OpeningHours> every(LocalTime opens, LocalTime closes) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, new OpeningHours(opens, closes));
        }
        return hours;
    }

    private static Map<DayOfWeek, OpeningHours> weekdaysAndWeekend(LocalTime weekdayOpens, LocalTime weekdayCloses,
                                                                   LocalTime weekendOpens, LocalTime weekendCloses) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)) {
            hours.put(day, new OpeningHours(weekdayOpens, weekdayCloses));
        }
        hours.put(SATURDAY, new OpeningHours(weekendOpens, weekendCloses));
        hours.put(SUNDAY, new OpeningHours(weekendOpens, weekendCloses));
        return hours;
    }

    private static Map<DayOfWeek, OpeningHours> weekend(LocalTime opens, LocalTime closes) {
        return Map.of(SATURDAY, new OpeningHours(opens, closes), SUNDAY, new OpeningHours(opens, closes));
    }
}
