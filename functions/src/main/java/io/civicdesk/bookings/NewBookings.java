package io.civicdesk.bookings;

import io.civicdesk.languages.Language;
import io.civicdesk.notify.Outgoing;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * New bookings: a resident books (or asks to book) online, an officer books for a caller, staff block out time.
 * Each is one idempotent command: the booking, its locks, its mail and its answer in one transaction, so of two
 * bookings that share a slot at most one is written.
 */
public final class NewBookings {
    private final BookingChanges changes;
    private final IdempotentCommand command;
    private final SlotClashes clashes;
    private final SecureRandom random;

    NewBookings(BookingChanges changes, IdempotentCommand command, SlotClashes clashes, SecureRandom random) {
        this.changes = changes;
        this.command = command;
        this.clashes = clashes;
        this.random = random;
    }

    public Idempotency.Answer book(BookingRequest request, Optional<Idempotency.Key> key) {
        return book(request, key, Optional.empty());
    }

    /** An officer books for a caller: confirmed at once, and the caller need not give an email address. */
    public Idempotency.Answer bookFor(BookingRequest request, Optional<Idempotency.Key> key, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        return book(request, key, Optional.of(staff));
    }

    private Idempotency.Answer book(BookingRequest request, Optional<Idempotency.Key> key, Optional<StaffCaller> staff) {
        return new Tries(f -> "Someone else is booking the " + f.name() + " at this moment. Please try again.").run(key, now -> {
            Facility facility = changes.facilities.require(request.facilityId());
            List<Occurrence> occurrences = RuleCheck.check(facility, request, now,
                    staff.isEmpty() ? RuleCheck.Asker.RESIDENT : RuleCheck.Asker.STAFF);
            BookingRules.Concession concession = request.concession() == null ? null
                    : facility.rules().fee().concession(request.concession()).orElse(null);
            Quote quote = Quote.of(facility.rules().fee(), occurrences, concession);
            BookingStatus status = staff.isEmpty() && BookingPayments.paidOnline(facility, quote) ? BookingStatus.PAYING
                    : staff.isEmpty() && facility.rules().approvalRequired() ? BookingStatus.HELD : BookingStatus.CONFIRMED;
            Instant holdExpires = status == BookingStatus.PAYING ? min(now.plus(BookingPayments.PAY_WITHIN), occurrences.get(0).start())
                    : status != BookingStatus.HELD ? null
                    : min(now.plus(Duration.ofHours(facility.rules().holdHours())), occurrences.get(0).start());
            String secret = Hashes.newSecret(random);
            Booking booking = Booking.drawn(Reference.random(random), Booking.BOOKING, facility, status, occurrences,
                    request.purpose(), request.attendance(), request.contact(), request.language(), request.texts(), request.concession(), quote,
                    staff.isEmpty() ? "online" : "staff", Hashes.sha256(secret), now, holdExpires,
                    staff.map(StaffCaller::id).orElse(null));
            String link = changes.privateLink(booking, secret);
            Map<String, Object> receipt = changes.view(booking, facility, true, now);
            receipt.put("privateLink", link);
            Outgoing mail = changes.mail(status == BookingStatus.HELD ? BookingMails.Kind.HELD
                    : status == BookingStatus.PAYING ? BookingMails.Kind.PAYMENT : BookingMails.Kind.CONFIRMED, booking, facility, link, now);
            List<Write> alongside = new ArrayList<>(changes.sending(mail, now));
            if (staff.isPresent() && BookingPayments.paidOnline(facility, quote)) {
                // Confirmed by staff before it is paid: owed at the counter, and listed by the reconciliation until then.
                alongside.add(changes.payments.owed(BookingPayments.KIND, booking.reference().value(), quote.totalCents(), now));
            }
            return new Draft(facility, booking, BookingChanges.locks(booking, facility, "booked"), BookingChanges.work(booking, now),
                    alongside, BookingViews.answer(201, receipt),
                    () -> Log.info("booking.created", Map.of("reference", booking.reference().value(), "facilityId", facility.id(),
                            "status", status.wireName(), "occurrences", occurrences.size())));
        });
    }

    /** Staff block out time: a booking of kind "block", so nothing can be booked over it. */
    public Idempotency.Answer block(String facilityId, BlockOut blockOut, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Facility facility = changes.facilities.require(facilityId);
        List<Occurrence> days = blockOut.days(facility.zone());
        return new Tries(f -> "The facility's calendar is busy. Please try again.").run(Optional.empty(), now -> {
            Booking block = Booking.drawn(Reference.random(random), Booking.BLOCK, facility, BookingStatus.CONFIRMED, days,
                    blockOut.reason(), 0, Contact.NONE, Language.SOURCE, false, null, null, "staff", null, now, null, staff.id());
            List<Bookings.Lock> locks = new ArrayList<>();
            days.forEach(o -> SlotGrid.keys(o.start(), o.end()).forEach(k -> locks.add(new Bookings.Lock(k, "block"))));
            return new Draft(facility, block, locks, Bookings.Work.NONE, List.of(),
                    BookingViews.answer(201, changes.view(block, facility, true, now)), () -> { });
        });
    }

    /** One try's booking, what it takes and what it writes beside, and its answer. */
    private record Draft(Facility facility, Booking booking, List<Bookings.Lock> locks, Bookings.Work work,
                         List<Write> alongside, Idempotency.Answer answer, Runnable afterCommit) {
    }

    /**
     * The tries at one booking. A series too long for one transaction claims its locks before the commit: a retry
     * commits that same claim again, and the claim is freed if no try of it lands (a retry answered by the first).
     */
    private final class Tries {
        private final Function<Facility, String> busy;
        private Draft tried;
        private IdempotentCommand.Prepared claimed;
        private Runnable giveUp = () -> { };
        private boolean landed;

        Tries(Function<Facility, String> busy) {
            this.busy = busy;
        }

        Idempotency.Answer run(Optional<Idempotency.Key> key, Function<Instant, Draft> drafts) {
            try {
                return command.run(key, now -> claimed != null ? claimed : prepare(drafts.apply(now), key.isPresent(), now));
            } catch (Refused refused) {
                throw refusal(refused);
            } finally {
                if (!landed) {
                    giveUp.run();
                }
            }
        }

        private IdempotentCommand.Prepared prepare(Draft draft, boolean remembered, Instant now) {
            tried = draft;
            Bookings.Creation creation;
            try {
                creation = changes.bookings.create(draft.booking(), draft.locks(), draft.work(),
                        draft.alongside().size() + (remembered ? 1 : 0), now);
            } catch (Refused refused) {
                throw refusal(refused);
            }
            List<Write> writes = new ArrayList<>(creation.writes());
            writes.addAll(draft.alongside());
            IdempotentCommand.Prepared prepared = IdempotentCommand.Prepared.of(draft.answer(), writes)
                    .drawnAfresh(Bookings.BOOKING).afterCommit(() -> {
                        landed = true;
                        draft.afterCommit().run();
                    });
            if (creation.claimedAhead()) {
                claimed = prepared;
                giveUp = creation.giveUp();
            }
            return prepared;
        }

        private Refusal refusal(Refused refused) {
            List<String> taken = Bookings.takenSlots(refused);
            if (tried == null) {
                return Refusal.conflict("Please try again.");
            }
            return taken.isEmpty() ? Refusal.conflict(busy.apply(tried.facility())) : clashes.taken(tried.facility(), tried.booking(), taken);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
