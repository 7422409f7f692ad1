package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

/**
 * Staff work on payments behind the JWT authorizer: a booking's or a request's payments, one taken at the counter, a
 * bond released, a request's fee refunded, the day's reconciliation (JSON, or CSV at {@code .csv}). What each does:
 * {@link BookingPayments}, {@link io.civicdesk.payments.RequestFees}.
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
            case "GET /staff/requests/{reference}/payments" -> HttpResponses.json(200, bookings.requestFees.staffView(reference, staff), "no-store");
            case "POST /staff/requests/{reference}/payments" -> HttpResponses.json(201, bookings.requestFees.atCounter(reference, staff));
            case "POST /staff/requests/{reference}/fee-refund" -> HttpResponses.json(200, bookings.requestFees.refund(reference,
                    request.jsonBody().path("reason").asText(null), staff));
            case "GET /staff/payments/reconciliation" -> HttpResponses.json(200, day(request, staff), "no-store");
            case "GET /staff/payments/reconciliation.csv" -> csv(day(request, staff));
            default -> throw Refusal.notFound("Not Found");
        };
    }

    private static APIGatewayV2HTTPResponse csv(PaymentReconciliation.Day day) {
        return HttpResponses.csv(PaymentReconciliation.fileName(day), PaymentReconciliation.csv(day));
    }

    private PaymentReconciliation.Day day(HttpRequest request, StaffCaller staff) {
        return bookings.reconciliation.day(request.queryParameter("date").orElse(null), staff);
    }
}
