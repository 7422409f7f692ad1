package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Metrics;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The booking functions on in-memory stores: a hall (confirmed at once) and a pavilion (held for approval), both
 * open 8am to 10pm except Sundays, set-up and clean-up half an hour either side. Now is Monday 2 November 2026, 9am Perth,
 * until a test moves it on.
 */
final class BookingTestbed {
    static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    static final LocalDate SATURDAY = LocalDate.of(2026, 11, 14);

    final InMemoryBookings store = new InMemoryBookings();
    final MovableClock clock = new MovableClock(LocalDate.of(2026, 11, 2).atTime(9, 0).atZone(PERTH).toInstant());
    final BookingWiring wiring;
    /** The staff reads audited: "kind [references]". */
    final List<String> audited = new java.util.ArrayList<>();

    BookingTestbed() {
        Map<String, Facility> facilities = Map.of("hall", facility("hall", "Test Hall", false),
                "pavilion", facility("pavilion", "Test Pavilion", true));
        Facilities catalogue = new Facilities() {
            @Override
            public Optional<Facility> find(String facilityId) {
                return Optional.ofNullable(facilities.get(facilityId));
            }

            @Override
            public List<Facility> all() {
                return facilities.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
            }
        };
        wiring = new BookingWiring(catalogue, store, store, store, new OutboxStore(null, "OutboxTable"),
                BookingSweeps.OnTakenPlace.NOTHING, new BookingWiring.Council("https://portal.example", () -> "City of Testing",
                "no-reply@example.com"), clock, new SecureRandom(), Metrics.NONE,
                (staff, kind, references) -> audited.add(kind + " " + references),
                // The test facilities' fees are not paid online: payments are never reached (PaymentJourneyTest has them).
                new io.civicdesk.payments.Payments(null, new io.civicdesk.payments.PaymentStore(null, "BookingsTable"),
                        new SecureRandom(), () -> PERTH), null);
    }

    static Facility facility(String id, String name, boolean approvalRequired) {
        Map<DayOfWeek, Facility.OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                hours.put(day, new Facility.OpeningHours(LocalTime.of(8, 0), LocalTime.of(22, 0)));
            }
        }
        BookingRules rules = new BookingRules(30, 60, 300, 48, 90, 30, 30, List.of(), approvalRequired, 72, 24,
                new BookingRules.Fee(5000, 20000, List.of()), 10);
        return new Facility(id, name, "Hall", "", "", "1 Test St", 100, List.of(), List.of(), List.of(), "Australia/Perth",
                hours, rules, 1);
    }

    static Map<String, Object> booking(String facilityId, LocalDate date, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("facilityId", facilityId);
        body.put("date", date.toString());
        body.put("start", start);
        body.put("end", end);
        body.put("purpose", "A birthday party");
        body.put("attendance", 30);
        body.put("contact", Map.of("name", "Alex Citizen", "email", "alex@example.com"));
        body.put("termsAccepted", true);
        return body;
    }

    static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> path, Map<String, String> headers, Object body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setPathParameters(path);
        Map<String, String> all = new HashMap<>(headers);
        all.put("content-type", "application/json");
        event.setHeaders(all);
        event.setBody(body == null ? null : Json.write(body));
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId("test");
        event.setRequestContext(context);
        return event;
    }

    /** A staff route's event, with the claims API Gateway's JWT authorizer verified. */
    static APIGatewayV2HTTPEvent staffEvent(String routeKey, Map<String, String> path, Object body, String groups) {
        APIGatewayV2HTTPEvent event = event(routeKey, path, Map.of(), body);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", "staff-1", "name", "Jordan Lee", "email", "jordan@example.com", "cognito:groups", groups));
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean names(APIGatewayV2HTTPResponse response, String field) {
        for (JsonNode error : json(response).path("errors")) {
            if (field.equals(error.path("field").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A clock a test moves on, never the real one. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return PERTH;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
