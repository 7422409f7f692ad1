package io.civicdesk.reports;

import io.civicdesk.figures.FiguresStore;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.testing.TestStack;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/** Stored reports made by the real roll-up, over periods long past that no other test's figures fall in. */
public final class ReportFixtures {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");

    private ReportFixtures() {
    }

    public static FiguresStore figures() {
        return new FiguresStore(TestStack.get().dynamoDb(), "FiguresTable");
    }

    public static AccountStore accounts() {
        return new AccountStore(TestStack.get().dynamoDb(), "CatalogTable");
    }

    /** The roll-up of the period of this kind holding {@code day}, run the morning after it ends, as its schedule would. */
    public static ServiceLevelReports.Outcome rollUp(ReportPeriod.Kind kind, LocalDate day) {
        ReportPeriod period = ReportPeriod.containing(kind, day);
        Clock morningAfter = Clock.fixed(period.last().plusDays(1).atTime(7, 0).atZone(PERTH).toInstant(), PERTH);
        return ReportsWiring.serviceLevelReports(TestStack.get().dynamoDb(), morningAfter).run(kind, false);
    }

    /** A new account manager in the staff directory, with no reports set up yet. */
    public static StaffMember accountManager() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffMember member = new StaffMember("am-" + suffix, "Account Manager " + suffix, "am-" + suffix + "@melaleuca.example",
                Set.of(Role.ACCOUNT_MANAGER), null);
        new StaffDirectory(TestStack.get().dynamoDb(), "CatalogTable").put(member);
        return member;
    }
}
