package io.civicdesk.demo;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.Agreement;
import io.civicdesk.agencies.AgreementTemplate;
import io.civicdesk.bookings.Facility;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.reports.AccountStore;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.seed.CatalogFile;
import io.civicdesk.seed.CatalogFileException;
import io.civicdesk.seed.CatalogLoad;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.directory.StaffMember;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo council: the City of Melaleuca, a (fictional) metropolitan council in Perth, Western Australia. Its
 * catalogue — five units, a dozen services with the questions its officers need answered, its calendars with
 * Western Australia's public holidays, its policies and its facilities — is the example catalogue file
 * (infrastructure/catalogue/melaleuca.yaml), loaded as a council loads its own, so the demo and the example are one
 * file. Its staff and who gets which report are here: they are not the catalogue's.
 */
public final class DemoData {
    /** The example file, on the classpath (the build copies infrastructure/catalogue/ there). */
    private static final String CATALOGUE = "catalogue/melaleuca.yaml";
    private static final String TEXT = read(CATALOGUE);
    private static final Map<Integer, CatalogFile> BY_YEAR = new ConcurrentHashMap<>();
    /** The council, its units and its services do not depend on the year the file is read in. */
    private static final int ANY_YEAR = 2026;
    public static final Council COUNCIL = inYear(ANY_YEAR).council();
    public static final ZoneId PERTH = ZoneId.of(COUNCIL.timeZone());

    private DemoData() {
    }

    /** The catalogue as of {@code clock}'s year: its calendars hold that year's public holidays, and the year's either side. */
    public static void seed(DynamoDbClient dynamo, String catalogTable, Clock clock) {
        try {
            new CatalogLoad(dynamo, catalogTable).write(inYear(LocalDate.ofInstant(clock.instant(), PERTH).getYear()));
        } catch (CatalogFileException e) {
            throw new IllegalStateException("The demo catalogue does not load into " + catalogTable + ":\n" + e.getMessage(), e);
        }
        AccountStore accountStore = new AccountStore(dynamo, catalogTable);
        accounts().forEach(accountStore::put);
        AgencyStore agencies = new AgencyStore(dynamo, catalogTable);
        LocalDate today = LocalDate.ofInstant(clock.instant(), PERTH);
        for (Agency agency : agencies()) {
            // Seeded again onto the same tables, the agencies stay as they are.
            if (agencies.save(agency)) {
                agencies.add(agreement(agency.id(), today));
            }
        }
        DemoAgencyLog.seed(dynamo, catalogTable, today);
    }

    /**
     * The council's client business units, which its service centre works for under operating level agreements:
     * all Morgan Taylor's. Each contact's unsubscribe secret is fixed, so the demo's links can be tried.
     */
    public static List<Agency> agencies() {
        return List.of(
                new Agency("libraries", "Melaleuca Libraries", "demo-account-manager", List.of(
                        new Agency.Contact(Agency.Role.CORPORATE_PURCHASER, "Robin Ellis", "robin.ellis@libraries.example", "demo-unsubscribe-robin", false),
                        new Agency.Contact(Agency.Role.BUSINESS_MANAGER, "Ash Kumar", "ash.kumar@libraries.example", "demo-unsubscribe-ash", false)), 1),
                new Agency("planning", "Planning and Development", "demo-account-manager", List.of(
                        new Agency.Contact(Agency.Role.BUSINESS_MANAGER, "Jamie Ortiz", "jamie.ortiz@planning.example", "demo-unsubscribe-jamie", false),
                        new Agency.Contact(Agency.Role.FUNCTION_MANAGER, "Lee Tran", "lee.tran@planning.example", "demo-unsubscribe-lee", false)), 1),
                new Agency("community", "Community Services", "demo-account-manager", List.of(
                        new Agency.Contact(Agency.Role.CORPORATE_PURCHASER, "Sky Walker", "sky.walker@community.example", "demo-unsubscribe-sky", false)), 1));
    }

    /**
     * Each demo agency's agreement from the start of this quarter: the libraries' own targets for graffiti, charged
     * per request; planning's for building concerns, monthly; community services on the standard template.
     */
    static Agreement agreement(String agencyId, LocalDate today) {
        LocalDate quarter = today.with(java.time.temporal.IsoFields.DAY_OF_QUARTER, 1);
        return switch (agencyId) {
            case "libraries" -> new Agreement(agencyId, 1, quarter, Agreement.Frequency.QUARTERLY, 4500L, quarter.plusYears(1),
                    List.of(new Agreement.Target("graffiti", null, Duration.ofHours(4), Duration.ofHours(16)),
                            new Agreement.Target("street-light", null, null, null)));
            case "planning" -> new Agreement(agencyId, 1, quarter, Agreement.Frequency.MONTHLY, null, quarter.plusMonths(6),
                    List.of(new Agreement.Target("building-concern", null, Duration.ofHours(8), Duration.ofHours(40)),
                            new Agreement.Target("building-concern", "urgent", Duration.ofHours(2), Duration.ofHours(8)),
                            new Agreement.Target("illegal-dumping", null, null, null)));
            default -> AgreementTemplate.standard(agencyId, 1, quarter, List.of("bulk-verge", "overgrown-verge"));
        };
    }

    public static List<Unit> units() {
        return inYear(ANY_YEAR).units();
    }

    /**
     * The demo staff: an officer in each of two units (and a second in Waste, to assign between), a customer service
     * officer who answers the call backs guided help asks for, a supervisor, an account manager and an
     * administrator. Locally they sign in from the local sign-in page.
     */
    public static List<StaffMember> staff() {
        return List.of(
                new StaffMember("demo-officer-waste", "Sam Nguyen", "sam.nguyen@melaleuca.example", Set.of(Role.OFFICER), "waste"),
                new StaffMember("demo-officer-waste-2", "Ella Brown", "ella.brown@melaleuca.example", Set.of(Role.OFFICER), "waste"),
                new StaffMember("demo-officer-roads", "Priya Sharma", "priya.sharma@melaleuca.example", Set.of(Role.OFFICER), "roads"),
                new StaffMember("demo-officer-customer-service", "Casey Morgan", "casey.morgan@melaleuca.example", Set.of(Role.OFFICER),
                        "customer-service"),
                new StaffMember("demo-supervisor", "Jordan Lee", "jordan.lee@melaleuca.example", Set.of(Role.SUPERVISOR), null),
                new StaffMember("demo-account-manager", "Morgan Taylor", "morgan.taylor@melaleuca.example", Set.of(Role.ACCOUNT_MANAGER), null),
                new StaffMember("demo-admin", "Chris Walker", "chris.walker@melaleuca.example", Set.of(Role.ADMIN), null));
    }

    /**
     * Who gets which report: Morgan Taylor looks after three units and gets every period's report. Not in the
     * catalogue file: an account names a member of staff, and administrators keep it on "Who gets which report".
     */
    public static List<AccountStore.Account> accounts() {
        return List.of(new AccountStore.Account("demo-account-manager", List.of("waste", "roads", "parks"),
                EnumSet.allOf(ReportPeriod.Kind.class)));
    }

    /**
     * Monday to Friday in Perth, without Western Australia's public holidays in the given year and the years either
     * side (the demo's requests reach back into the last one on the first days of January).
     */
    public static BusinessCalendar calendar(int year) {
        return inYear(year).calendar(COUNCIL.calendarId());
    }

    public static List<Service> services() {
        return inYear(ANY_YEAR).services();
    }

    /** The facilities as they stand in {@code year}: closed over this Christmas and the next. */
    public static List<Facility> facilities(int year) {
        return inYear(year).facilities();
    }

    /** The example file as loaded on a day of {@code year} (1 July, which is in that year wherever the council is). */
    private static CatalogFile inYear(int year) {
        return BY_YEAR.computeIfAbsent(year, y -> {
            try {
                return CatalogFile.read(CATALOGUE, TEXT, Clock.fixed(LocalDate.of(y, 7, 1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
            } catch (CatalogFileException e) {
                throw new IllegalStateException("The demo catalogue has mistakes:\n" + e.getMessage(), e);
            }
        });
    }

    private static String read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: build the infrastructure module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
