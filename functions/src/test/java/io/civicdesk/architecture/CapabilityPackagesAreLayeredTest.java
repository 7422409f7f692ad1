package io.civicdesk.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.civicdesk.architecture.MainCode.CLASSES;
import static io.civicdesk.architecture.MainCode.capability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The capability packages under {@code io.civicdesk} form a ladder: a package may use only the packages on the rungs
 * below it, never one above it and never another on its own rung. So a change to a low package (platform, sla) can be
 * reasoned about without the capabilities built on it, and no cycle can creep in.
 */
class CapabilityPackagesAreLayeredTest {

    /** The ladder, lowest rung first. Packages on one rung are independent of each other. */
    static final List<List<String>> RUNGS_LOWEST_FIRST = List.of(
            List.of("platform"),                        // HTTP edge, JSON, config, transactions, idempotency
            List.of("languages"),                       // the residents' languages: message catalogues, formats
            List.of("sla"),                             // business calendar, service levels, due dates
            List.of("catalog"),                         // the council's services, units and questions
            List.of("directory", "figures", "notify"),  // staff directory; request/survey/backlog figures; mail outbox
            List.of("agencies"),                        // client agencies and their operating level agreements
            List.of("requests", "articles"),            // taking and handling a service request; knowledge-base articles
            List.of("feedback", "reports", "search",    // complaints, surveys, counter; service-level reports;
                    "payments", "photos"),              // search over services and articles; paying online; requests' photos
            List.of("bookings", "responses"),           // facilities and bookings; officers' response templates
            List.of("agencyreports"),                   // each client agency's report against its agreement
            List.of("staff", "guides", "agencyissues"), // the staff console: queue, admin, sign-in; guided conversations;
                                                        // an agency's issue log, meeting notes and the status of all clients
            List.of("tracking", "warnings",             // a resident tracking a request; service-level warnings;
                    "open311", "privacy"));             // the GeoReport v2 API; retention, subject access, erasure

    private static int rung(String capability) {
        for (int i = 0; i < RUNGS_LOWEST_FIRST.size(); i++) {
            if (RUNGS_LOWEST_FIRST.get(i).contains(capability)) {
                return i;
            }
        }
        return -1;
    }

    private static String ladder() {
        return RUNGS_LOWEST_FIRST.stream().map(rung -> String.join(", ", rung)).collect(Collectors.joining(" < "));
    }

    @Test
    void aPackageUsesOnlyThePackagesBelowIt() {
        MainCode.assertNone("a package uses only the packages on lower rungs of " + ladder(), MainCode.uses(
                type -> rung(capability(type)) >= 0,
                dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String from = capability(dependency.getOriginClass());
                    String to = capability(target);
                    return MainCode.inPackage(target, MainCode.ROOT) && !to.equals(from) && rung(to) >= rung(from);
                }));
    }

    @Test
    void noPackageCycles() {
        EvaluationResult result = slices().matching(MainCode.ROOT + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .evaluate(CLASSES);
        if (result.hasViolation()) {
            fail("The io.civicdesk packages depend on each other in a cycle:\n"
                    + String.join("\n", result.getFailureReport().getDetails()));
        }
    }

    @Test
    void everyPackageHasARungOnTheLadder() {
        SortedSet<String> unplaced = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            if (rung(capability(type)) < 0) {
                unplaced.add(type.getPackageName());
            }
        }
        assertEquals(Set.of(), unplaced, "Every package under io.civicdesk has a place in RUNGS_LOWEST_FIRST (" + ladder()
                + "); add a new package to the rung it belongs on, or move its classes into a package that has one");
    }
}
