package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.demo.DemoData;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.feedback.CouncilCalendar;
import io.civicdesk.feedback.SurveyInvitations;
import io.civicdesk.feedback.SurveyStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.IdempotencyStore;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Metrics;
import io.civicdesk.testing.TestStack;

import io.civicdesk.payments.Payments;
import io.civicdesk.requests.RequestWiring;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Bookings as the portal sends them, staff events as API Gateway delivers them, and direct access to the store. */
public final class BookingFixtures {
    static final ZoneId PERTH = ZoneId.of("Australia/Perth");

    private BookingFixtures() {
    }

    /**
     * The {@code weeksAhead}-th {@code day} from today (Perth) on which the facility is open all day, skipping the
     * ones it is closed (the Christmas break), so each test class books its own dates whatever today is.
     */
    public static LocalDate weekday(String facilityId, DayOfWeek day, int weeksAhead) {
        return openFor(facilityId, day, weeksAhead, Period.ofDays(1));
    }

    /** As {@link #weekday}, the first such day from which the facility is open every day for {@code span}: a weekly series, a day and the next. */
    public static LocalDate openFor(String facilityId, DayOfWeek day, int weeksAhead, Period span) {
        // The demo closes over the Christmas of the year the stack started and the next; that may be last year now.
        List<BookingRules.Blackout> closures = Stream.of(TestStack.today().getYear() - 1, TestStack.today().getYear())
                .flatMap(year -> DemoData.facilities(year).stream()).filter(f -> f.id().equals(facilityId))
                .flatMap(f -> f.rules().blackouts().stream()).toList();
        LocalDate date = TestStack.today().with(TemporalAdjusters.nextOrSame(day));
        for (int open = 0; ; date = date.plusWeeks(1)) {
            if (open >= weeksAhead && date.datesUntil(date.plus(span)).allMatch(each -> openAllDay(closures, each))) {
                return date;
            }
            if (openAllDay(closures, date)) {
                open++;
            }
        }
    }

    private static boolean openAllDay(List<BookingRules.Blackout> closures, LocalDate date) {
        return closures.stream().noneMatch(closure -> closure.startTime() == null && closure.appliesOn(date));
    }

    public static Map<String, Object> booking(String facilityId, LocalDate date, String start, String end, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("facilityId", facilityId);
        body.put("date", date.toString());
        body.put("start", start);
        body.put("end", end);
        body.put("purpose", "Test booking");
        body.put("attendance", 10);
        body.put("contact", Map.of("name", "Alex Citizen", "email", email));
        body.put("termsAccepted", true);
        return body;
    }

    static Map<String, String> supervisor() {
        return claims("demo-supervisor", "Jordan Lee", "[supervisor]");
    }

    static Map<String, String> officer() {
        return claims("demo-officer-waste", "Sam Nguyen", "[officer]");
    }

    static Map<String, String> claims(String sub, String name, String groups) {
        return new HashMap<>(Map.of("sub", sub, "name", name, "email", sub + "@melaleuca.example", "cognito:groups", groups));
    }

    /** A staff route's event: what API Gateway hands the function after its JWT authorizer verified the token. */
    static APIGatewayV2HTTPEvent staffEvent(String routeKey, Map<String, String> pathParameters, Object body, Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        context.setRequestId("test");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setRequestContext(context);
        event.setPathParameters(pathParameters);
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setBody(body == null ? null : Json.write(body));
        return event;
    }

    private static StaffBookingsHandler staffHandler;

    static synchronized APIGatewayV2HTTPResponse staff(String routeKey, Map<String, String> pathParameters, Object body, Map<String, String> claims) {
        if (staffHandler == null) {
            TestStack.get();
            staffHandler = new StaffBookingsHandler();
        }
        return staffHandler.handleRequest(staffEvent(routeKey, pathParameters, body, claims), null);
    }

    static BookingStore store() {
        var dynamo = TestStack.get().dynamoDb();
        return new BookingStore(dynamo, "BookingsTable", "SlotLocksTable");
    }

    /** The services as the schedules function builds them, when it is {@code at} (for expiry, reminders and cut-offs). */
    static BookingWiring servicesWhen(Instant at) {
        return servicesAt(Duration.between(TestStack.clock().instant(), at));
    }

    /** The services as the schedules function builds them, with the stack's clock moved on (for expiry, reminders and cut-offs). */
    static BookingWiring servicesAt(Duration ahead) {
        var dynamo = TestStack.get().dynamoDb();
        Clock clock = Clock.offset(TestStack.clock(), ahead);
        SurveyInvitations surveys = new SurveyInvitations(new SurveyStore(dynamo, "FeedbackTable"),
                new SatisfactionFiguresStore(dynamo, "FeedbackTable"), new OutboxStore(dynamo, "OutboxTable"),
                CouncilCalendar.cached(new CatalogStore(dynamo, "CatalogTable"), clock), new SecureRandom(), TestStack.get().baseUrl());
        Payments payments = BookingWiring.payments(dynamo, "BookingsTable", new SecureRandom(), () -> PERTH);
        return new BookingWiring(new FacilityStore(dynamo, "CatalogTable"), store(), new DynamoTransactions(dynamo),
                new IdempotencyStore(dynamo, "BookingsTable"), new OutboxStore(dynamo, "OutboxTable"), BookingWiring.surveys(surveys),
                new BookingWiring.Council(TestStack.get().baseUrl(), () -> "City of Melaleuca", "no-reply@melaleuca.example"),
                clock, new SecureRandom(), Metrics.NONE, StaffReadAudit.installed("CatalogTable", clock),
                // Stripe's adapter on the stack's stand-in, configured as the stack configures its functions.
                payments, BookingWiring.requestFees(RequestWiring.of(dynamo, "RequestsTable", "CatalogTable", "OutboxTable", clock,
                        TestStack.get().baseUrl()), new SecureRandom(), payments, new DynamoTransactions(dynamo), clock, TestStack.get().baseUrl()));
    }

    /** Every lock of a facility on a day. */
    static List<Bookings.HeldLock> locksOn(String facilityId, LocalDate date) {
        return store().locks(facilityId, date.atStartOfDay(PERTH).toInstant(), date.plusDays(1).atStartOfDay(PERTH).toInstant());
    }
}
