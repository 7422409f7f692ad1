package io.civicdesk.bookings;

import io.civicdesk.payments.Payment;
import io.civicdesk.payments.PaymentStore;
import io.civicdesk.payments.Payments;
import io.civicdesk.payments.RequestFees;
import io.civicdesk.platform.StaffCaller;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finance officer's daily reconciliation: every line of the day's payment ledger (payments in, refunds out)
 * beside the booking it was for, each booking's money held against what it should hold, mismatches flagged: money
 * held for a booking that no longer stands, a booking that holds more or less than its quote, a payment for no booking.
 * A service's fee ({@code kind} "request") should be held once, in full, unless it was paid after its report was
 * released (then given back): it is flagged when it holds more or less.
 */
public final class PaymentReconciliation {
    public record Line(String at, String reference, String entry, String method, long amountCents, String bookingStatus,
                       long bookingTotalCents, long heldCents, long expectedCents, String flag, String kind) {
    }

    public record Day(LocalDate day, long receivedCents, long refundedCents, int mismatches, List<Line> lines) {
    }

    private final BookingChanges changes;
    private final Payments payments;

    PaymentReconciliation(BookingChanges changes) {
        this.changes = changes;
        this.payments = changes.payments;
    }

    public Day day(LocalDate day, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        List<PaymentStore.LedgerLine> ledger = payments.day(day);
        Map<String, Booking> bookings = changes.bookings.findAll(ledger.stream().filter(l -> BookingPayments.KIND.equals(l.kind()))
                .map(PaymentStore.LedgerLine::reference).toList());
        Map<String, List<Payment>> paid = new LinkedHashMap<>();
        ledger.forEach(l -> paid.computeIfAbsent(l.reference(), ref -> payments.of(l.kind(), ref)));
        List<Line> lines = new ArrayList<>();
        long received = 0;
        long refunded = 0;
        for (PaymentStore.LedgerLine l : ledger) {
            received += Math.max(l.amountCents(), 0);
            refunded += Math.max(-l.amountCents(), 0);
            if (RequestFees.KIND.equals(l.kind())) {
                lines.add(fee(l, paid.get(l.reference())));
                continue;
            }
            Booking booking = bookings.get(l.reference());
            long held = paid.get(l.reference()).stream().mapToLong(Payment::heldCents).sum();
            boolean bondBack = paid.get(l.reference()).stream().anyMatch(Payment::bondReleased);
            long expected = booking == null || !booking.status().holdsSlots() || booking.quote() == null ? 0
                    : booking.quote().totalCents() - (bondBack ? booking.quote().bondCents() : 0);
            String flag = booking == null ? "no such booking"
                    : booking.status() == BookingStatus.PAYING ? (held == 0 ? "" : "paid but not confirmed")
                    : held == expected ? "" : held > expected ? "holds " + Quote.dollars(held - expected) + " too much"
                    : "holds " + Quote.dollars(expected - held) + " too little";
            lines.add(new Line(l.at().toString(), l.reference(), l.entry(), l.method(), l.amountCents(),
                    booking == null ? "" : booking.status().wireName(), booking == null || booking.quote() == null ? 0
                    : booking.quote().totalCents(), held, expected, flag, l.kind()));
        }
        return new Day(day, received, refunded, (int) lines.stream().filter(x -> !x.flag().isEmpty()).count(), lines);
    }

    private static Line fee(PaymentStore.LedgerLine l, List<Payment> paid) {
        long held = paid.stream().mapToLong(Payment::heldCents).sum();
        long total = paid.stream().filter(p -> p.state() == Payment.State.PAID).mapToLong(Payment::amountCents).sum();
        boolean givenBack = paid.stream().flatMap(p -> p.refunds().stream()).anyMatch(r -> RequestFees.PAID_AFTER_HOLD.equals(r.reason()));
        long expected = givenBack ? 0 : paid.stream().filter(p -> p.state() == Payment.State.PAID).findFirst().map(Payment::amountCents).orElse(0L);
        String flag = held == expected ? "" : held > expected ? "holds " + Quote.dollars(held - expected) + " too much"
                : "holds " + Quote.dollars(expected - held) + " too little";
        return new Line(l.at().toString(), l.reference(), l.entry(), l.method(), l.amountCents(), givenBack ? "released" : "taken-on",
                total, held, expected, flag, l.kind());
    }

    /** Today in the council's time. */
    public LocalDate today() {
        return payments.today(changes.clock.instant());
    }

    public static String fileName(Day day) {
        return "payments-reconciliation-" + day.day() + ".csv";
    }

    /** In the shape of the other exports: snake_case headers, CRLF, amounts in cents. */
    public static String csv(Day day) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("at", "booking_reference", "entry",
                "method", "amount_cents", "booking_status", "booking_total_cents", "held_cents", "expected_cents", "flag", "kind").get())) {
            for (Line l : day.lines()) {
                printer.printRecord(l.at(), l.reference(), l.entry(), l.method(), l.amountCents(), l.bookingStatus(),
                        l.bookingTotalCents(), l.heldCents(), l.expectedCents(), l.flag(), l.kind());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
