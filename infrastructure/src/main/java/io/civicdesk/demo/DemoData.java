package io.civicdesk.demo;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.QuestionType;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.reports.AccountStore;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.OpeningSpan;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.sla.PublicHoliday;
import io.civicdesk.sla.WesternAustraliaHolidays;
import io.civicdesk.staff.StaffMember;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.civicdesk.catalog.QuestionType.DATE;
import static io.civicdesk.catalog.QuestionType.LONG_TEXT;
import static io.civicdesk.catalog.QuestionType.MULTIPLE_CHOICE;
import static io.civicdesk.catalog.QuestionType.NUMBER;
import static io.civicdesk.catalog.QuestionType.SHORT_TEXT;
import static io.civicdesk.catalog.QuestionType.SINGLE_CHOICE;

/**
 * The demo council: the City of Melaleuca, a (fictional) metropolitan council in Perth, Western Australia, with
 * five units, a dozen services with the questions its officers need answered, and a business calendar with
 * Western Australia's public holidays for this year and next. Written through the same store the functions
 * read, so the demo can never drift from what the code expects.
 */
public final class DemoData {
    public static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    public static final Council COUNCIL = new Council("City of Melaleuca", PERTH.getId(), "council");

    private static final List<String> YES_NO = List.of("Yes", "No");
    private static final List<String> BINS = List.of("General waste (red lid)", "Recycling (yellow lid)",
            "Garden organics (lime green lid)");

    private DemoData() {
    }

    /** The catalogue as of {@code clock}'s year: its calendars hold that year's public holidays, and the year's either side. */
    public static void seed(DynamoDbClient dynamo, String catalogTable, Clock clock) {
        int year = Year.now(clock.withZone(PERTH)).getValue();
        CatalogStore catalog = new CatalogStore(dynamo, catalogTable);
        catalog.putCouncil(COUNCIL);
        units().forEach(catalog::putUnit);
        services().forEach(catalog::putService);
        catalog.putCalendar(calendar(year));
        catalog.putCalendar(roundTheClock(year));
        policies().forEach(policy -> catalog.savePolicy(policy, null));
        AccountStore accountStore = new AccountStore(dynamo, catalogTable);
        accounts().forEach(accountStore::put);
        DemoFacilities.seed(dynamo, catalogTable, year);
    }

    public static List<Unit> units() {
        return List.of(new Unit("waste", "Waste Services", "waste@melaleuca.example"),
                new Unit("roads", "Roads and Drainage", "roads@melaleuca.example"),
                new Unit("parks", "Parks and Environment", "parks@melaleuca.example"),
                new Unit("rangers", "Ranger Services", "rangers@melaleuca.example"),
                new Unit("building", "Building and Planning", "building@melaleuca.example"));
    }

    /**
     * The demo staff: an officer in each of two units (and a second in Waste, to assign between), a supervisor,
     * an account manager and an administrator. Locally they sign in from the local sign-in page.
     */
    public static List<StaffMember> staff() {
        return List.of(
                new StaffMember("demo-officer-waste", "Sam Nguyen", "sam.nguyen@melaleuca.example", Set.of(Role.OFFICER), "waste"),
                new StaffMember("demo-officer-waste-2", "Ella Brown", "ella.brown@melaleuca.example", Set.of(Role.OFFICER), "waste"),
                new StaffMember("demo-officer-roads", "Priya Sharma", "priya.sharma@melaleuca.example", Set.of(Role.OFFICER), "roads"),
                new StaffMember("demo-supervisor", "Jordan Lee", "jordan.lee@melaleuca.example", Set.of(Role.SUPERVISOR), null),
                new StaffMember("demo-account-manager", "Morgan Taylor", "morgan.taylor@melaleuca.example", Set.of(Role.ACCOUNT_MANAGER), null),
                new StaffMember("demo-admin", "Chris Walker", "chris.walker@melaleuca.example", Set.of(Role.ADMIN), null));
    }

    /** Who gets which report: Morgan Taylor looks after three units and gets every period's report. */
    public static List<AccountStore.Account> accounts() {
        return List.of(new AccountStore.Account("demo-account-manager", List.of("waste", "roads", "parks"),
                EnumSet.allOf(ReportPeriod.Kind.class)));
    }

    /**
     * Monday to Friday in Perth, without Western Australia's public holidays in the given year and the years either
     * side (the demo's requests reach back into the last one on the first days of January).
     */
    public static BusinessCalendar calendar(int year) {
        Map<java.time.LocalDate, String> holidays = new LinkedHashMap<>();
        Stream.of(year - 1, year, year + 1).flatMap(y -> WesternAustraliaHolidays.forYear(y).stream())
                .forEach((PublicHoliday holiday) -> holidays.put(holiday.date(), holiday.name()));
        return new BusinessCalendar(COUNCIL.calendarId(), PERTH, BusinessCalendar.MONDAY_TO_FRIDAY, holidays);
    }

    /** Every hour of every day, in Perth: hazards are attended to whenever they are reported. */
    public static BusinessCalendar roundTheClock(int year) {
        List<OpeningSpan> allDay = List.of(OpeningSpan.of("00:00", "00:00"));
        return new BusinessCalendar("round-the-clock", PERTH, EnumSet.allOf(DayOfWeek.class).stream()
                .collect(Collectors.toMap(day -> day, day -> allDay)), Map.of());
    }

    /**
     * The service levels, in the order they are tried: hazards on the round-the-clock calendar, urgent requests of
     * any service, then every other request under its service's own promise in business days (no policy needed).
     */
    public static List<ServiceLevelPolicy> policies() {
        return List.of(
                new ServiceLevelPolicy("hazard", 10, "fallen-branch", null, Duration.ofHours(2), Duration.ofHours(24),
                        Duration.ofHours(12), List.of(50, 75), "round-the-clock"),
                new ServiceLevelPolicy("urgent", 20, null, "urgent", Duration.ofHours(2), Duration.ofHours(17),
                        Duration.ofHours(8), List.of(50, 75), null),
                new ServiceLevelPolicy("high", 30, null, "high", Duration.ofHours(4), Duration.ofHours(34),
                        Duration.ofHours(17), List.of(75), null));
    }

    public static List<Service> services() {
        List<Service> services = new ArrayList<>();
        String bins = "Bins and waste";
        services.add(service("missed-bin", "Missed bin collection", bins, "waste",
                "Your bin was out on time but was not emptied on your collection day.",
                "We check the truck's records for your street and send a truck back to empty your bin.",
                "We aim to respond within 1 business day and empty your bin within 2.", null, 1, 2,
                List.of("rubbish", "collection", "wheelie bin", "recycling", "not emptied"),
                q("bin-type", "Which bin was missed?", SINGLE_CHOICE, true, "The colour of the lid tells us which truck to send.", BINS),
                q("collection-day", "Which day should it have been emptied?", DATE, true, "For example, 23 November 2026.", null),
                q("out-by-6am", "Was the bin on the verge by 6am?", SINGLE_CHOICE, true,
                        "Trucks can arrive from 6am, so bins need to be out the night before.", YES_NO)));
        services.add(service("damaged-bin", "Damaged or stolen bin", bins, "waste",
                "Your bin is broken, or has been stolen or gone missing.",
                "We repair or replace the bin, usually on your next collection day.",
                "We aim to respond within 2 business days and repair or replace your bin within 5.", null, 2, 5,
                List.of("broken bin", "lid", "wheels", "missing bin", "replacement"),
                q("bin-type", "Which bin?", SINGLE_CHOICE, true, null, BINS),
                q("damage", "What is wrong with it?", SINGLE_CHOICE, true, null,
                        List.of("Cracked or broken body", "Broken lid", "Broken wheels or axle", "Stolen or missing")),
                q("bin-number", "Bin number", SHORT_TEXT, false, "The number printed on the front of the bin, if you can see it.", null, 20)));
        services.add(service("bulk-verge", "Bulk verge collection", bins, "waste",
                "Book a collection of bulky household junk or green waste from your verge.",
                "We tell you the week of your collection. Put items on the verge no more than a week before.",
                "We aim to confirm your booking within 2 business days and collect within 10.", null, 2, 10,
                List.of("junk", "hard rubbish", "furniture", "mattress", "green waste", "prunings"),
                q("collection-type", "What kind of collection?", SINGLE_CHOICE, true,
                        "Junk and green waste are collected by different trucks.", List.of("General junk", "Green waste")),
                q("items", "What will you put out?", MULTIPLE_CHOICE, true, "Choose all that apply.",
                        List.of("Furniture", "Mattresses", "Whitegoods", "Timber", "Garden prunings", "Other")),
                number("volume", "About how many cubic metres?", true,
                        "Up to 6 cubic metres: about a small trailer load.", 0.5, 6.0)));
        services.add(service("illegal-dumping", "Illegal dumping", bins, "rangers",
                "Rubbish dumped on a verge, in a park or on other public land.",
                "A ranger inspects the site, investigates who dumped it and arranges for it to be removed.",
                "We aim to respond within 2 business days and remove it within 10.",
                "Do not touch anything that may be asbestos, syringes or chemicals.", 2, 10,
                List.of("rubbish", "dumped", "litter", "asbestos", "tyres"),
                q("what", "What has been dumped?", MULTIPLE_CHOICE, true, "Choose all that apply.",
                        List.of("Household rubbish", "Furniture or mattresses", "Building rubble", "Green waste",
                                "Possible asbestos or chemicals", "Tyres")),
                q("volume", "About how much?", SINGLE_CHOICE, true, null,
                        List.of("A bag or two", "A car boot load", "A trailer load", "A truck load")),
                q("seen", "Did you see who dumped it?", SINGLE_CHOICE, true,
                        "If you did, a ranger may contact you for a statement.", YES_NO)));

        String roads = "Roads, footpaths and drains";
        services.add(service("pothole", "Pothole or damaged road", roads, "roads",
                "A pothole, crack or broken edge on a council road or car park.",
                "An officer inspects it, makes it safe if needed, and schedules the repair.",
                "We aim to inspect within 1 business day and repair within 10.",
                "If the damage is an immediate danger to traffic, call us on (08) 9999 0000 at any hour.", 1, 10,
                List.of("road", "crack", "hole", "car park", "bitumen"),
                q("where", "Where on the road is it?", SINGLE_CHOICE, true, null,
                        List.of("In a traffic lane", "Near the kerb", "At a roundabout or intersection", "In a car park")),
                q("size", "How big is it?", SINGLE_CHOICE, true, null,
                        List.of("Smaller than a dinner plate", "Between a dinner plate and a bin lid", "Larger than a bin lid")),
                q("danger", "Is it a danger to traffic right now?", SINGLE_CHOICE, true, null, YES_NO)));
        services.add(service("blocked-drain", "Blocked drain or street flooding", roads, "roads",
                "A blocked stormwater drain, or water lying on a road or footpath.",
                "A crew clears the drain and checks the pipes beyond it.",
                "We aim to respond within 1 business day and clear the drain within 5.",
                "If water is coming into a home, call the SES on 132 500.", 1, 5,
                List.of("stormwater", "flood", "water", "grate", "gully"),
                q("flooding", "Is there flooding?", SINGLE_CHOICE, true, null,
                        List.of("No flooding", "Water over the road or footpath", "Water coming onto a property")),
                q("drain-type", "What kind of drain?", SINGLE_CHOICE, false, null,
                        List.of("Pit in the kerb", "Grate in the road", "Open drain or swale", "Not sure"))));
        services.add(service("street-light", "Street light not working", roads, "roads",
                "A street light that is out, flickering, on during the day, or damaged.",
                "We check it and pass the fault to Western Power, who maintain most street lights.",
                "We aim to respond within 2 business days; repairs usually take up to 10.", null, 2, 10,
                List.of("light", "lamp", "dark", "pole", "Western Power"),
                q("pole-number", "Pole number", SHORT_TEXT, false, "Printed on a tag on the pole, like P123456.", null, 20),
                q("fault", "What is wrong?", SINGLE_CHOICE, true, null,
                        List.of("Off all night", "Flickering", "On during the day", "Damaged pole or light"))));

        String parks = "Parks, trees and verges";
        services.add(service("graffiti", "Graffiti", parks, "parks",
                "Graffiti on council property, bus shelters, signs or park furniture.",
                "We remove offensive graffiti first, usually within a day; other graffiti within a week.",
                "We aim to respond within 1 business day and remove it within 5.", null, 1, 5,
                List.of("tagging", "vandalism", "paint", "spray"),
                q("surface", "What is it on?", SINGLE_CHOICE, true, null,
                        List.of("Council building or wall", "Bus shelter", "Park furniture or playground", "Road sign",
                                "Private property")),
                q("offensive", "Is it offensive?", SINGLE_CHOICE, true, "We remove offensive graffiti first.", YES_NO),
                number("area", "About how many square metres?", false, null, 0.0, 500.0)));
        services.add(service("overgrown-verge", "Overgrown verge or reserve", parks, "parks",
                "Long grass, weeds or plants on a verge or reserve that block the way or are a fire risk.",
                "An officer inspects it. Council land is mowed or cleared; owners of private land are asked to act.",
                "We aim to respond within 3 business days and act within 15.", null, 3, 15,
                List.of("grass", "weeds", "mowing", "fire hazard", "footpath"),
                q("land", "Whose land is it?", SINGLE_CHOICE, true, null,
                        List.of("Council verge or reserve", "Private property", "Not sure")),
                q("problem", "What is the problem?", MULTIPLE_CHOICE, true, "Choose all that apply.",
                        List.of("Long grass", "Weeds", "Blocking a footpath", "Blocking the view at a corner", "Fire hazard"))));
        services.add(service("fallen-branch", "Fallen tree or branch", parks, "parks",
                "A tree or branch that has fallen on a verge, footpath, road or in a park.",
                "A crew makes it safe and removes it.",
                "We aim to respond within 1 business day and remove it within 5.",
                "If a fallen tree or branch is blocking a road or is dangerous, call 000 first.", 1, 5,
                List.of("tree", "branch", "storm", "limb"),
                q("blocking", "What is it blocking?", MULTIPLE_CHOICE, true, "Choose all that apply.",
                        List.of("Road", "Footpath", "Driveway", "Nothing")),
                q("size", "How big is it?", SINGLE_CHOICE, true, null,
                        List.of("Small: one person could lift it", "Large: it needs machinery"))));

        String rangers = "Animals and rangers";
        services.add(service("barking-dog", "Barking dog", rangers, "rangers",
                "A dog that barks persistently and disturbs you.",
                "A ranger writes to the dog's owner and may ask you to keep a diary of the barking.",
                "We aim to respond within 3 business days and resolve it within 20.", null, 3, 20,
                List.of("noise", "dog", "nuisance", "animal"),
                q("when", "When does it bark?", MULTIPLE_CHOICE, true, "Choose all that apply.",
                        List.of("Early morning (before 7am)", "During the day", "Evening", "Overnight")),
                q("how-long", "How long has it been going on?", SINGLE_CHOICE, true, null,
                        List.of("Less than a week", "1 to 4 weeks", "More than a month")),
                q("impact", "How is it affecting you?", LONG_TEXT, false, null, null, 1000)));
        services.add(service("abandoned-vehicle", "Abandoned vehicle", rangers, "rangers",
                "A vehicle left on a street or public land for a long time.",
                "A ranger inspects it and tries to contact the owner. Vehicles not moved are impounded.",
                "We aim to inspect within 2 business days; removal can take up to 20.", null, 2, 20,
                List.of("car", "dumped car", "parking", "vehicle"),
                q("vehicle", "Make, model and colour", SHORT_TEXT, true, "For example, white Toyota Corolla.", null, 100),
                q("registration", "Number plate", SHORT_TEXT, false, null, null, 10),
                q("since", "When did you first notice it?", DATE, true, null, null),
                q("condition", "What condition is it in?", MULTIPLE_CHOICE, false, "Choose all that apply.",
                        List.of("Flat tyres", "Broken windows", "No number plates", "Damaged or burnt out"))));

        services.add(service("building-concern", "Building works or unsafe building site", "Building and planning", "building",
                "Building without approval, an unsafe or unfenced site, or a site causing dust or noise out of hours.",
                "A building officer inspects the site and takes action with the builder or owner.",
                "We aim to respond within 3 business days and resolve it within 20.", null, 3, 20,
                List.of("construction", "builder", "approval", "dust", "noise", "fence"),
                q("concern", "What is the concern?", SINGLE_CHOICE, true, null,
                        List.of("Building without approval", "Unsafe or unfenced site", "Noise outside permitted hours",
                                "Dust or sand drift")),
                q("started", "When did it start?", DATE, false, null, null),
                q("details", "Anything else we should know?", LONG_TEXT, false, null, null, 1000)));
        return numbered(services);
    }

    /** Services are listed in the order written here. */
    private static List<Service> numbered(List<Service> services) {
        List<Service> numbered = new ArrayList<>();
        for (Service s : services) {
            numbered.add(new Service(s.id(), s.name(), s.theme(), s.unitId(), s.description(), s.whatHappensNext(),
                    s.timeframe(), s.notice(), s.responseDays(), s.resolutionDays(), s.keywords(), numbered.size() + 1,
                    s.questions()));
        }
        return numbered;
    }

    private static Service service(String id, String name, String theme, String unitId, String description,
                                   String whatHappensNext, String timeframe, String notice, int responseDays,
                                   int resolutionDays, List<String> keywords, Question... questions) {
        List<Question> ordered = new ArrayList<>();
        for (int i = 0; i < questions.length; i++) {
            Question q = questions[i];
            ordered.add(new Question(q.id(), q.label(), q.type(), q.required(), q.help(), q.options(), i + 1,
                    q.maxLength(), q.min(), q.max()));
        }
        return new Service(id, name, theme, unitId, description, whatHappensNext, timeframe, notice, responseDays,
                resolutionDays, keywords, 0, ordered);
    }

    private static Question q(String id, String label, QuestionType type, boolean required, String help, List<String> options) {
        return new Question(id, label, type, required, help, options, 0, null, null, null);
    }

    private static Question q(String id, String label, QuestionType type, boolean required, String help,
                              List<String> options, int maxLength) {
        return new Question(id, label, type, required, help, options, 0, maxLength, null, null);
    }

    private static Question number(String id, String label, boolean required, String help, Double min, Double max) {
        return new Question(id, label, NUMBER, required, help, null, 0, null, min, max);
    }
}
