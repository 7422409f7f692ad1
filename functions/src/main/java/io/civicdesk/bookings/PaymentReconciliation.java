package io.civicdesk.bookings;

import io.civicdesk.payments.Payment;
import io.civicdesk.payments.PaymentStore;
import io.civicdesk.payments.Payments;
import io.civicdesk.payments.RequestFees;
import io.civicdesk.requests.PaidServiceRequests;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The finance officer's daily reconciliation: every line of the day's payment ledger (payments in, refunds out)
 * beside the booking or request it was for, each one's money held against what it should hold, mismatches flagged:
 * money held for a booking that no longer stands, a booking that holds more or less than its quote, a payment for no
 * booking or no request. A service's fee ({@code kind} "request") should be held once, in full, unless it was given
 * back (paid after its report was released, or refunded by staff). Then what should have a payment and has none
 * (entry "none"): bookings staff took on that day for a facility paid online and not yet paid, and the day's requests
 * of a service paid online with no fee paid. Its cost is the day's: the ledger, the day's owed items, the day's
 * requests of paid services, and the payments and records of those.
 */
public final class PaymentReconciliation {
    /** The entry of a line for something that should have a payment and has none. */
    public static final String NONE = "none";

    public record Line(String at, String reference, String entry, String method, long amountCents, String bookingStatus,
                       long bookingTotalCents, long heldCents, long expectedCents, String flag, String kind) {
    }

    public record Day(LocalDate day, long receivedCents, long refundedCents, int mismatches, List<Line> lines) {
    }

    private final BookingChanges changes;
    private final Payments payments;
    /** Null in a function not given the requests table: then requests are not looked up. */
    private final RequestFees fees;

    PaymentReconciliation(BookingChanges changes, RequestFees fees) {
        this.changes = changes;
        this.payments = changes.payments;
        this.fees = fees;
    }

    /** The day asked for as YYYY-MM-DD, or today in the council's time when none is. */
    public Day day(String asked, StaffCaller staff) {
        try {
            return day(asked == null ? today() : LocalDate.parse(asked), staff);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("date", "Give the day as YYYY-MM-DD, like 2026-12-04.");
        }
    }

    public Day day(LocalDate day, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        List<PaymentStore.LedgerLine> ledger = payments.day(day);
        List<PaymentStore.Owed> owed = payments.owedOn(day);
        List<String> bookingRefs = new ArrayList<>(ledger.stream().filter(l -> BookingPayments.KIND.equals(l.kind()))
                .map(PaymentStore.LedgerLine::reference).toList());
        owed.stream().filter(o -> BookingPayments.KIND.equals(o.kind())).map(PaymentStore.Owed::reference).forEach(bookingRefs::add);
        Map<String, Booking> bookings = changes.bookings.findAll(bookingRefs.stream().distinct().toList());
        Map<String, List<Payment>> paid = new LinkedHashMap<>();
        ledger.forEach(l -> paid.computeIfAbsent(l.kind() + "#" + l.reference(), key -> payments.of(l.kind(), l.reference())));
        Map<String, Boolean> requestExists = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        long received = 0;
        long refunded = 0;
        for (PaymentStore.LedgerLine l : ledger) {
            received += Math.max(l.amountCents(), 0);
            refunded += Math.max(-l.amountCents(), 0);
            List<Payment> its = paid.get(l.kind() + "#" + l.reference());
            if (RequestFees.KIND.equals(l.kind())) {
                boolean exists = fees == null || requestExists.computeIfAbsent(l.reference(), ref -> fees.requests().find(ref).isPresent());
                lines.add(fee(l, its, exists));
                continue;
            }
            Booking booking = bookings.get(l.reference());
            Held held = held(booking, its);
            String flag = booking == null ? "no such booking"
                    : booking.status() == BookingStatus.PAYING ? (held.cents() == 0 ? "" : "paid but not confirmed") : held.flag();
            lines.add(new Line(l.at().toString(), l.reference(), l.entry(), l.method(), l.amountCents(),
                    booking == null ? "" : booking.status().wireName(), total(booking), held.cents(), held.expected(), flag, l.kind()));
        }
        lines.addAll(unpaid(day, owed, bookings, paid.keySet()));
        return new Day(day, received, refunded, (int) lines.stream().filter(x -> !x.flag().isEmpty()).count(), lines);
    }

    /** What was taken on that day to be paid and holds less than it should, with no line in the day's ledger. */
    private List<Line> unpaid(LocalDate day, List<PaymentStore.Owed> owed, Map<String, Booking> bookings, Set<String> inLedger) {
        List<Line> lines = new ArrayList<>();
        for (PaymentStore.Owed o : owed) {
            Booking booking = bookings.get(o.reference());
            if (!BookingPayments.KIND.equals(o.kind()) || inLedger.contains(o.kind() + "#" + o.reference()) || booking == null
                    || !booking.status().holdsSlots() || booking.status() == BookingStatus.PAYING) {
                continue;
            }
            Held held = held(booking, payments.of(o.kind(), o.reference()));
            if (held.cents() < held.expected()) {
                lines.add(new Line(o.at().toString(), o.reference(), NONE, "", 0, booking.status().wireName(), total(booking),
                        held.cents(), held.expected(), held.cents() == 0 ? booking.status().wireName() + " without a payment"
                        : held.flag(), o.kind()));
            }
        }
        if (fees == null) {
            return lines;
        }
        Instant from = payments.startOf(day);
        for (PaidServiceRequests.Due due : fees.requests().submitted(from, payments.startOf(day.plusDays(1)).minusNanos(1))) {
            String ref = due.request().reference().value();
            if (inLedger.contains(RequestFees.KIND + "#" + ref)) {
                continue;
            }
            List<Payment> its = payments.of(RequestFees.KIND, ref);
            long held = its.stream().mapToLong(Payment::heldCents).sum();
            boolean givenBack = its.stream().anyMatch(p -> !p.refunds().isEmpty());
            if (!givenBack && held < due.feeCents()) {
                lines.add(new Line(due.request().submittedAt().toString(), ref, NONE, "", 0, due.request().status(), due.feeCents(),
                        held, due.feeCents(), held == 0 ? "no fee paid" : "holds " + Quote.dollars(due.feeCents() - held) + " too little",
                        RequestFees.KIND));
            }
        }
        return lines;
    }

    /** A booking's money held against what it should hold: its quote; less the bond once released; nothing once it no longer stands. */
    private record Held(long cents, long expected) {
        String flag() {
            return cents == expected ? "" : cents > expected ? "holds " + Quote.dollars(cents - expected) + " too much"
                    : "holds " + Quote.dollars(expected - cents) + " too little";
        }
    }

    private static Held held(Booking booking, List<Payment> its) {
        long held = its.stream().mapToLong(Payment::heldCents).sum();
        boolean bondBack = its.stream().anyMatch(Payment::bondReleased);
        long expected = booking == null || !booking.status().holdsSlots() || booking.quote() == null ? 0
                : booking.quote().totalCents() - (bondBack ? booking.quote().bondCents() : 0);
        return new Held(held, expected);
    }

    private static long total(Booking booking) {
        return booking == null || booking.quote() == null ? 0 : booking.quote().totalCents();
    }

    private static Line fee(PaymentStore.LedgerLine l, List<Payment> paid, boolean exists) {
        long total = paid.stream().filter(p -> p.state() == Payment.State.PAID).mapToLong(Payment::amountCents).sum();
        boolean givenBack = paid.stream().anyMatch(p -> !p.refunds().isEmpty());
        long expected = givenBack ? 0 : paid.stream().filter(p -> p.state() == Payment.State.PAID).findFirst().map(Payment::amountCents).orElse(0L);
        Held held = new Held(paid.stream().mapToLong(Payment::heldCents).sum(), expected);
        String status = !exists ? (givenBack ? "released" : "") : givenBack ? "refunded" : "taken-on";
        return new Line(l.at().toString(), l.reference(), l.entry(), l.method(), l.amountCents(), status, total, held.cents(),
                expected, !exists && !givenBack ? "no such request" : held.flag(), l.kind());
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
