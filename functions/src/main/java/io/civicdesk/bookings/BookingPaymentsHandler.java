package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;

/**
 * Paying for a booking: {@code POST /bookings/{reference}/checkout} (the resident, with {@code X-Private-Key}: the
 * provider's hosted page to go to), {@code POST /requests/{reference}/checkout} (the same, for a report held for its
 * service's fee) and {@code POST /payments/stripe/webhook} (Stripe, signed in {@code Stripe-Signature}).
 */
public final class BookingPaymentsHandler extends HttpHandler {
    private final BookingWiring bookings;

    public BookingPaymentsHandler() {
        this(BookingWiring.fromConfig());
    }

    BookingPaymentsHandler(BookingWiring bookings) {
        this.bookings = bookings;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        return switch (request.routeKey() == null ? "" : request.routeKey()) {
            case "POST /bookings/{reference}/checkout" -> HttpResponses.json(200, bookings.payments.checkout(
                    request.pathParameter("reference"), request.header("X-Private-Key").orElse(null)), "no-store");
            case "POST /requests/{reference}/checkout" -> HttpResponses.json(200, bookings.requestFees.checkout(
                    request.pathParameter("reference"), request.header("X-Private-Key").orElse(null)), "no-store");
            case "POST /payments/stripe/webhook" -> HttpResponses.json(200, bookings.payments.webhook(request.body(),
                    request.header("Stripe-Signature").orElse(null)), "no-store");
            default -> throw Refusal.notFound("Not Found");
        };
    }
}
