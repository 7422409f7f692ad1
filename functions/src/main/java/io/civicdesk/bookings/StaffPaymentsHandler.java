package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Staff work on booking payments behind the JWT authorizer: a booking's payments, a payment taken at the counter, a
 * bond released, and the day's reconciliation (JSON, or CSV at {@code .csv}). What each does: {@link BookingPayments}.
 */
public final class StaffPaymentsHandler extends HttpHandler {
    private final BookingWiring bookings;

    public StaffPaymentsHandler() {
        this(BookingWiring.fromConfig());
    }

    StaffPaymentsHandler(BookingWiring bookings) {
        this.bookings = bookings;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller staff = StaffCaller.from(request);
        String reference = request.pathParameter("reference");
        BookingPayments payments = bookings.payments;
        return switch (request.routeKey() == null ? "" : request.routeKey()) {
            case "GET /staff/bookings/{reference}/payments" -> HttpResponses.json(200, payments.staffView(reference, staff), "no-store");
            case "POST /staff/bookings/{reference}/payments" -> HttpResponses.json(201, payments.atCounter(reference, staff));
            case "POST /staff/bookings/{reference}/bond-release" -> HttpResponses.json(200, payments.releaseBond(reference, staff));
            case "GET /staff/payments/reconciliation" -> HttpResponses.json(200, day(request, staff), "no-store");
            case "GET /staff/payments/reconciliation.csv" -> {
                PaymentReconciliation.Day day = day(request, staff);
                yield HttpResponses.csv(PaymentReconciliation.fileName(day), PaymentReconciliation.csv(day));
            }
            default -> throw Refusal.notFound("Not Found");
        };
    }

    private PaymentReconciliation.Day day(HttpRequest request, StaffCaller staff) {
        String asked = request.queryParameter("date").orElse(null);
        try {
            LocalDate day = asked == null ? bookings.reconciliation.today() : LocalDate.parse(asked);
            return bookings.reconciliation.day(day, staff);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(List.of(new FieldError("date", "Give the day as YYYY-MM-DD, like 2026-12-04.")));
        }
    }
}
