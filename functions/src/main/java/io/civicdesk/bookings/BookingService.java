package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Write;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Dates;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Metrics;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Booking a facility, and everything that happens to a booking after: view, change and cancel by the resident's
 * private link; approve, decline, cancel, block out and book on behalf by staff; and the scheduled expiry of
 * holds, reminders and the survey once a booking has taken place. Slots are only ever taken by the store's
 * transactional write of locks.
 */
public final class BookingService {
    static final int ATTEMPTS = 8;
    static final Duration REMIND_BEFORE = Duration.ofHours(24);

    private final FacilityStore facilities;
    private final BookingStore bookings;
    private final Clock clock;
    private final SecureRandom random;
    private final String portalUrl;
    private final Supplier<String> councilName;
    private final String organizer;
    private final OnTakenPlace onTakenPlace;
    private final Metrics metrics;

    /**
     * What other capabilities write once a booking has taken place, in the same transaction as taking it off the
     * schedule (the survey after service: {@code SurveyInvitations.onBookingEnded}).
     */
    @FunctionalInterface
    public interface OnTakenPlace {
        OnTakenPlace NOTHING = (booking, now) -> List.of();

        List<Write> writes(Booking booking, Instant now);
    }

    public BookingService(FacilityStore facilities, BookingStore bookings, Clock clock, SecureRandom random,
                          String portalUrl, Supplier<String> councilName, String organizer, OnTakenPlace onTakenPlace,
                          Metrics metrics) {
        this.facilities = facilities;
        this.bookings = bookings;
        this.clock = clock;
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.councilName = councilName;
        this.organizer = organizer;
        this.onTakenPlace = onTakenPlace;
        this.metrics = metrics;
    }

    public record Answer(int status, String body) {
    }

    public Facility facility(String facilityId) {
        return facilities.find(facilityId).orElseThrow(() -> Refusal.notFound(
                "We could not find that facility. Choose one from the list of facilities."));
    }

    /** Today where the facility is: the first day its availability and calendar show unless asked for another. */
    public LocalDate today(Facility facility) {
        return LocalDate.ofInstant(clock.instant(), facility.zone());
    }

    public List<Facility> facilities() {
        return facilities.all();
    }

    /** Free and taken slots for {@code days} days from {@code from}: one Query of the facility's locks. */
    public Map<String, Object> availability(Facility facility, LocalDate from, int days) {
        List<BookingStore.HeldLock> locks = bookings.locks(facility.id(), Availability.rangeStart(facility, from),
                Availability.rangeEnd(facility, from, days));
        return Availability.of(facility, from, days, Availability.keys(locks), clock.instant());
    }

    // ---------------------------------------------------------------- booking

    /** A resident books (or asks to book) online; with {@code staff}, an officer books for a caller. */
    public Answer book(BookingRequest request, Idempotency.Key key, StaffCaller staff) {
        if (key != null) {
            Optional<Idempotency.Answer> first = bookings.replay(key);
            if (first.isPresent()) {
                return new Answer(first.get().status(), first.get().body());
            }
        }
        Facility facility = facility(request.facilityId());
        Instant now = clock.instant();
        List<Occurrence> occurrences = RuleCheck.check(facility, request, now, staff == null ? RuleCheck.Asker.RESIDENT : RuleCheck.Asker.STAFF);
        BookingStatus status = staff == null && facility.rules().approvalRequired() ? BookingStatus.HELD : BookingStatus.CONFIRMED;
        BookingRules.Concession concession = request.concession() == null ? null
                : facility.rules().fee().concession(request.concession()).orElse(null);
        Quote quote = Quote.of(facility.rules().fee(), occurrences, concession);
        Instant holdExpires = status == BookingStatus.HELD ? min(now.plus(Duration.ofHours(facility.rules().holdHours())),
                occurrences.get(0).start()) : null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String secret = Hashes.newSecret(random);
            Booking booking = new Booking(Reference.random(random), Booking.BOOKING, facility.id(), facility.name(), status,
                    occurrences, request.purpose(), request.attendance(), request.contact(), request.concession(), quote,
                    staff == null ? "online" : "staff", Hashes.sha256(secret), now, holdExpires, null,
                    staff == null ? null : staff.id(), 0, 1);
            String link = privateLink(booking, secret);
            Map<String, Object> receipt = BookingViews.booking(booking, facility, true, now, portalUrl);
            receipt.put("privateLink", link);
            Answer answer = new Answer(201, Json.write(receipt));
            Mail mail = BookingMails.compose(status == BookingStatus.HELD ? BookingMails.Kind.HELD : BookingMails.Kind.CONFIRMED,
                    booking, facility, councilName.get(), link, organizer, now);
            try {
                bookings.create(booking, locks(booking, facility, "booked"), work(booking, now), key,
                        key == null ? null : new Idempotency.Answer(answer.status(), answer.body()), mail, now);
                Log.info("booking.created", Map.of("reference", booking.reference().value(), "facilityId", facility.id(),
                        "status", status.wireName(), "occurrences", occurrences.size()));
                return answer;
            } catch (BookingStore.NotWritten notWritten) {
                if (key != null) {
                    Optional<Idempotency.Answer> first = bookings.replay(key);
                    if (first.isPresent()) {
                        return new Answer(first.get().status(), first.get().body());
                    }
                }
                switch (notWritten.clash()) {
                    case SLOTS_TAKEN -> throw taken(facility, booking, notWritten.takenKeys());
                    case REFERENCE_TAKEN, IDEMPOTENCY_KEY_USED, CHANGED -> {
                        // a new reference on the next attempt; a used key was answered above
                    }
                    case BUSY -> BookingStore.pause(attempt);
                }
            }
        }
        throw new Refusal(Refusal.Kind.CONFLICT, "Someone else is booking the " + facility.name() + " at this moment. Please try again.");
    }

    /** Staff block out time: a booking of kind "block", from {@code date} to {@code until}, whole days or between times. */
    public Answer block(String facilityId, JsonNode body, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Facility facility = facility(facilityId);
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = BookingRequestReader.date(body, "date", errors);
        LocalDate until = body.hasNonNull("until") ? BookingRequestReader.date(body, "until", errors) : date;
        LocalTime start = body.hasNonNull("start") ? BookingRequestReader.time(body, "start", "a start time", errors) : LocalTime.MIN;
        LocalTime end = body.hasNonNull("end") ? BookingRequestReader.time(body, "end", "an end time", errors) : null;
        String reason = BookingRequestReader.text(body, "reason");
        if (reason == null) {
            errors.add(new FieldError("reason", "Say why the facility is blocked out (residents see it)."));
        } else if (reason.length() > BookingRequestReader.MAX_PURPOSE) {
            errors.add(new FieldError("reason", "Keep the reason to " + BookingRequestReader.MAX_PURPOSE + " characters or fewer."));
        }
        if (errors.isEmpty() && until.isBefore(date)) {
            errors.add(new FieldError("until", "The last day must be on or after the first."));
        }
        if (errors.isEmpty() && until.isAfter(date.plusDays(60))) {
            errors.add(new FieldError("until", "Block out at most 61 days at once."));
        }
        if (errors.isEmpty() && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("end", "The end time must be after the start time."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        ZoneId zone = facility.zone();
        List<Occurrence> days = new ArrayList<>();
        for (LocalDate d = date; !d.isAfter(until); d = d.plusDays(1)) {
            days.add(new Occurrence(d.atTime(start).atZone(zone).toInstant(),
                    end == null ? d.plusDays(1).atStartOfDay(zone).toInstant() : d.atTime(end).atZone(zone).toInstant()));
        }
        Instant now = clock.instant();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Booking block = new Booking(Reference.random(random), Booking.BLOCK, facility.id(), facility.name(),
                    BookingStatus.CONFIRMED, days, reason, 0, Contact.NONE, null, null, "staff", null, now, null, null,
                    staff.id(), 0, 1);
            List<BookingStore.Lock> locks = new ArrayList<>();
            days.forEach(o -> SlotGrid.keys(o.start(), o.end()).forEach(k -> locks.add(new BookingStore.Lock(k, "block"))));
            try {
                bookings.create(block, locks, BookingStore.Work.NONE, null, null, null, now);
                return new Answer(201, Json.write(BookingViews.booking(block, facility, true, now, portalUrl)));
            } catch (BookingStore.NotWritten notWritten) {
                if (notWritten.clash() == BookingStore.Clash.SLOTS_TAKEN) {
                    throw taken(facility, block, notWritten.takenKeys());
                }
                BookingStore.pause(attempt);
            }
        }
        throw Refusal.conflict("The facility's calendar is busy. Please try again.");
    }

    // ---------------------------------------------------------------- the resident's private link

    public Map<String, Object> view(String typedReference, String secret) {
        Booking booking = find(typedReference);
        boolean own = Hashes.matches(secret, booking.secretHash());
        return BookingViews.booking(booking, facility(booking.facilityId()), own, clock.instant(), portalUrl);
    }

    public Map<String, Object> cancel(String typedReference, String secret) {
        Booking booking = own(typedReference, secret);
        Facility facility = facility(booking.facilityId());
        requireActive(booking);
        RuleCheck.requireBeforeCutoff(facility, booking, clock.instant(), "cancelled");
        return end(booking, facility, BookingStatus.CANCELLED, null, BookingMails.Kind.CANCELLED);
    }

    public Map<String, Object> change(String typedReference, String secret, JsonNode body) {
        Booking booking = own(typedReference, secret);
        Facility facility = facility(booking.facilityId());
        requireActive(booking);
        Instant now = clock.instant();
        RuleCheck.requireBeforeCutoff(facility, booking, now, "changed");
        if (booking.occurrences().size() != 1) {
            throw Refusal.conflict("A series cannot be changed online. Cancel it and book again, or call us.");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = BookingRequestReader.date(body, "date", errors);
        LocalTime start = BookingRequestReader.time(body, "start", "a start time", errors);
        LocalTime end = BookingRequestReader.time(body, "end", "an end time", errors);
        Long changedAttendance = BookingRequestReader.attendance(body, errors);
        int attendance = changedAttendance == null ? booking.attendance() : changedAttendance.intValue();
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        BookingRequest request = new BookingRequest(facility.id(), date, start, end, 1, booking.purpose(), attendance,
                booking.contact(), booking.concessionId(), true);
        List<Occurrence> occurrences = RuleCheck.check(facility, request, now, RuleCheck.Asker.RESIDENT);
        BookingRules.Concession concession = booking.concessionId() == null ? null
                : facility.rules().fee().concession(booking.concessionId()).orElse(null);
        Booking moved = booking.rescheduled(occurrences, Quote.of(facility.rules().fee(), occurrences, concession));
        moved = new Booking(moved.reference(), moved.kind(), moved.facilityId(), moved.facilityName(), moved.status(),
                moved.occurrences(), moved.purpose(), attendance, moved.contact(), moved.concessionId(), moved.quote(),
                moved.channel(), moved.secretHash(), moved.createdAt(), moved.holdExpiresAt(), moved.statusReason(),
                moved.createdBy(), moved.sequence(), moved.version());
        Set<String> oldKeys = new LinkedHashSet<>(Occurrence.lockKeys(booking.occurrences(), facility.rules()));
        List<BookingStore.Lock> newLocks = locks(moved, facility, "booked");
        Set<String> newKeys = new HashSet<>();
        newLocks.forEach(l -> newKeys.add(l.key()));
        List<String> release = oldKeys.stream().filter(k -> !newKeys.contains(k)).toList();
        List<BookingStore.Lock> take = newLocks.stream().filter(l -> !oldKeys.contains(l.key())).toList();
        Mail mail = moved.status() == BookingStatus.CONFIRMED
                ? BookingMails.compose(BookingMails.Kind.CHANGED, moved, facility, councilName.get(), privateLinkWithoutSecret(moved), organizer, now)
                : null;
        try {
            bookings.update(booking, moved, work(moved, now), release, take, mail, now);
        } catch (BookingStore.NotWritten notWritten) {
            if (notWritten.clash() == BookingStore.Clash.SLOTS_TAKEN) {
                throw taken(facility, moved, notWritten.takenKeys());
            }
            throw Refusal.conflict("The booking changed while you were changing it. Look at it again and retry.");
        }
        return BookingViews.booking(moved, facility, true, now, portalUrl);
    }

    // ---------------------------------------------------------------- staff

    public Map<String, Object> approve(String typedReference, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = find(typedReference);
        if (booking.status() != BookingStatus.HELD) {
            throw new Refusal(Refusal.Kind.CONFLICT, "Only a booking waiting for approval can be approved; this one is " + booking.status().label().toLowerCase() + ".");
        }
        Facility facility = facility(booking.facilityId());
        Instant now = clock.instant();
        Booking approved = booking.confirmedFrom(BookingStatus.CONFIRMED);
        Mail mail = BookingMails.compose(BookingMails.Kind.APPROVED, approved, facility, councilName.get(),
                privateLinkWithoutSecret(approved), organizer, now);
        try {
            bookings.update(booking, approved, work(approved, now), List.of(), List.of(), mail, now);
        } catch (BookingStore.NotWritten changed) {
            throw Refusal.conflict("Someone else has just acted on this booking. Reload it.");
        }
        Log.info("booking.approved", Map.of("reference", booking.reference().value(), "by", staff.id()));
        return BookingViews.booking(approved, facility, true, now, portalUrl);
    }

    public Map<String, Object> decline(String typedReference, String reason, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = find(typedReference);
        if (booking.status() != BookingStatus.HELD) {
            throw new Refusal(Refusal.Kind.CONFLICT, "Only a booking waiting for approval can be declined; this one is " + booking.status().label().toLowerCase() + ".");
        }
        return end(booking, facility(booking.facilityId()), BookingStatus.DECLINED, requireReason(reason), BookingMails.Kind.DECLINED);
    }

    public Map<String, Object> staffCancel(String typedReference, String reason, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = find(typedReference);
        requireActive(booking);
        return end(booking, facility(booking.facilityId()), BookingStatus.CANCELLED, requireReason(reason), BookingMails.Kind.CANCELLED);
    }

    /** The calendar for staff: every booking and block with time in the range, with who booked it. */
    public Map<String, Object> calendar(String facilityId, LocalDate from, int days, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Facility facility = facility(facilityId);
        Instant start = Availability.rangeStart(facility, from);
        Instant end = Availability.rangeEnd(facility, from, days);
        List<BookingStore.HeldLock> locks = bookings.locks(facilityId, start, end);
        Map<String, Booking> found = bookings.findAll(locks.stream().map(BookingStore.HeldLock::bookingRef).toList());
        List<Map<String, Object>> entries = new ArrayList<>();
        Instant now = clock.instant();
        for (Booking booking : found.values()) {
            for (Occurrence o : booking.occurrences()) {
                if (o.end().isAfter(start) && o.start().isBefore(end)) {
                    Map<String, Object> entry = new LinkedHashMap<>(BookingViews.occurrence(o, facility.zone()));
                    entry.put("booking", BookingViews.booking(booking, facility, true, now, portalUrl));
                    entries.add(entry);
                }
            }
        }
        entries.sort((a, b) -> ((String) a.get("startsAt")).compareTo((String) b.get("startsAt")));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("facility", BookingViews.summary(facility));
        view.put("from", from.toString());
        view.put("days", days);
        view.put("entries", entries);
        view.put("availability", Availability.of(facility, from, days, Availability.keys(locks), now));
        return view;
    }

    /** Holds waiting for a supervisor, soonest to expire first. */
    public List<Map<String, Object>> holds(StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Instant now = clock.instant();
        List<Map<String, Object>> views = new ArrayList<>();
        for (Booking booking : bookings.due("hold", now.plus(Duration.ofDays(3650)), 100)) {
            views.add(BookingViews.booking(booking, facility(booking.facilityId()), true, now, portalUrl));
        }
        return views;
    }

    /** A new secret feed link for a facility's calendar; only its hash is kept. */
    public Map<String, Object> newFeedLink(String facilityId, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Facility facility = facility(facilityId);
        String token = Hashes.newSecret(random) + Hashes.newSecret(random);
        bookings.putFeedToken(Hashes.sha256(token), facility.id(), clock.instant());
        // The path under the API's base URL: the staff page knows that base (config.js), the function need not.
        return Map.of("feedPath", "/facility-feeds/" + token + ".ics");
    }

    /** The iCalendar feed behind a secret link: the coming half year of bookings and blocks (no personal details). */
    public String feed(String token) {
        String cleaned = token == null ? "" : token.replaceAll("\\.ics$", "");
        String facilityId = bookings.feedFacility(Hashes.sha256(cleaned)).orElseThrow(() -> Refusal.notFound("No such calendar feed."));
        Facility facility = facility(facilityId);
        Instant now = clock.instant();
        List<BookingStore.HeldLock> locks = bookings.locks(facilityId, now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(183)));
        List<ICalendar.Event> events = new ArrayList<>();
        for (Booking booking : bookings.findAll(locks.stream().map(BookingStore.HeldLock::bookingRef).toList()).values()) {
            String title = Booking.BLOCK.equals(booking.kind()) ? "Blocked: " + booking.purpose()
                    : (booking.status() == BookingStatus.HELD ? "Held: " : "Booked: ") + booking.reference().display();
            for (int i = 0; i < booking.occurrences().size(); i++) {
                Occurrence o = booking.occurrences().get(i);
                events.add(new ICalendar.Event(booking.reference().value() + "-" + (i + 1) + "@bookings.civicdesk", o.start(), o.end(),
                        title, null, facility.name(), booking.status() == BookingStatus.HELD ? "TENTATIVE" : "CONFIRMED",
                        booking.sequence(), null));
            }
        }
        return ICalendar.calendar("PUBLISH", facility.name(), events, now);
    }

    // ---------------------------------------------------------------- schedules

    public record SweepOutcome(int expired, int reminded, int rolledBack, int released, int surveyed) {
    }

    /** Holds nobody acted on in time expire; series whose claim never finished are rolled back; releases finish. */
    public SweepOutcome expireHolds() {
        Instant now = clock.instant();
        int expired = 0;
        for (Booking booking : bookings.due("hold", now, 50)) {
            try {
                end(booking, facility(booking.facilityId()), BookingStatus.EXPIRED, "Nobody answered in time", BookingMails.Kind.EXPIRED);
                expired++;
            } catch (Refusal changed) {
                // approved or declined a moment ago: nothing to expire
            }
        }
        int rolledBack = 0;
        for (Booking booking : bookings.due("claim", now, 50)) {
            Facility facility = facility(booking.facilityId());
            try {
                bookings.update(booking, booking.with(BookingStatus.FAILED, "Not all of the series could be booked"),
                        BookingStore.Work.NONE, Occurrence.lockKeys(booking.occurrences(), facility.rules()), List.of(), null, now);
                rolledBack++;
            } catch (BookingStore.NotWritten changed) {
                // finished meanwhile
            }
        }
        int released = 0;
        for (Booking booking : bookings.due("release", now, 50)) {
            Facility facility = facility(booking.facilityId());
            bookings.release(booking.facilityId(), booking.reference(), Occurrence.lockKeys(booking.occurrences(), facility.rules()));
            try {
                bookings.update(booking, new Booking(booking.reference(), booking.kind(), booking.facilityId(), booking.facilityName(),
                        booking.status(), booking.occurrences(), booking.purpose(), booking.attendance(), booking.contact(),
                        booking.concessionId(), booking.quote(), booking.channel(), booking.secretHash(), booking.createdAt(),
                        booking.holdExpiresAt(), booking.statusReason(), booking.createdBy(), booking.sequence(), booking.version() + 1),
                        BookingStore.Work.NONE, List.of(), List.of(), null, now);
                released++;
            } catch (BookingStore.NotWritten changed) {
                // done by another sweep
            }
        }
        SweepOutcome outcome = new SweepOutcome(expired, 0, rolledBack, released, 0);
        Log.info("bookings.holds-swept", Map.of("expired", expired, "rolledBack", rolledBack, "released", released));
        return outcome;
    }

    /**
     * Reminder mail for bookings starting within a day; a series' reminder moves on to its next occurrence, and
     * after the last one the booking waits for its survey. Then the bookings whose last occurrence has ended.
     */
    public SweepOutcome sendReminders() {
        Instant now = clock.instant();
        int reminded = 0;
        for (Booking booking : bookings.due("reminder", now, 50)) {
            if (booking.status() != BookingStatus.CONFIRMED) {
                continue;
            }
            Facility facility = facility(booking.facilityId());
            Occurrence next = booking.occurrences().stream().filter(o -> o.start().isAfter(now)).findFirst().orElse(null);
            Booking touched = booking.confirmedFrom(BookingStatus.CONFIRMED);
            Occurrence after = next == null ? null : booking.occurrences().stream()
                    .filter(o -> o.start().isAfter(next.start())).findFirst().orElse(null);
            BookingStore.Work work = after == null ? surveyWork(booking) : new BookingStore.Work("reminder", after.start().minus(REMIND_BEFORE));
            Booking single = next == null ? null : new Booking(booking.reference(), booking.kind(), booking.facilityId(),
                    booking.facilityName(), booking.status(), List.of(next), booking.purpose(), booking.attendance(),
                    booking.contact(), booking.concessionId(), booking.quote(), booking.channel(), booking.secretHash(),
                    booking.createdAt(), null, null, null, booking.sequence(), booking.version());
            Mail mail = single == null ? null : BookingMails.compose(BookingMails.Kind.REMINDER, single, facility, councilName.get(),
                    privateLinkWithoutSecret(booking), organizer, now);
            try {
                bookings.update(booking, touched, work, List.of(), List.of(), mail, now);
                reminded += mail == null ? 0 : 1;
            } catch (BookingStore.NotWritten changed) {
                // changed meanwhile: the next sweep sees it again
            }
        }
        int surveyed = inviteToSurveys(now);
        Log.info("bookings.reminders-sent", Map.of("reminded", reminded, "surveyed", surveyed));
        return new SweepOutcome(0, reminded, 0, 0, surveyed);
    }

    /**
     * Bookings whose last occurrence has ended: the survey's writes and the booking's leaving the queue are one
     * transaction, so a sweep that fails part-way invites nobody and the next one tries again; once done, no sweep
     * sees the booking again.
     */
    private int inviteToSurveys(Instant now) {
        int surveyed = 0;
        for (Booking booking : bookings.due("survey", now, 50)) {
            // Cancelled meanwhile (a cancellation clears the queue, so only a race lands here): nothing to ask about.
            List<Write> writes = booking.status() == BookingStatus.CONFIRMED ? onTakenPlace.writes(booking, now) : List.of();
            try {
                bookings.finishWork(booking, booking.confirmedFrom(booking.status()), writes);
                surveyed += writes.isEmpty() ? 0 : 1;
            } catch (BookingStore.NotWritten changed) {
                // changed meanwhile: the next sweep sees it again
            }
        }
        return surveyed;
    }

    // ---------------------------------------------------------------- shared

    private Map<String, Object> end(Booking booking, Facility facility, BookingStatus to, String reason, BookingMails.Kind kind) {
        Instant now = clock.instant();
        Booking ended = booking.with(to, reason);
        boolean wasConfirmed = booking.status() == BookingStatus.CONFIRMED;
        BookingMails.Kind mailKind = kind == BookingMails.Kind.CANCELLED && !wasConfirmed ? null : kind;
        Mail mail = mailKind == null || Booking.BLOCK.equals(booking.kind()) ? null
                : BookingMails.compose(mailKind, ended, facility, councilName.get(), privateLinkWithoutSecret(ended), organizer, now);
        try {
            bookings.update(booking, ended, BookingStore.Work.NONE, Occurrence.lockKeys(booking.occurrences(), facility.rules()),
                    List.of(), mail, now);
        } catch (BookingStore.NotWritten changed) {
            throw Refusal.conflict("Someone else has just acted on this booking. Look at it again.");
        }
        Log.info("booking." + to.wireName(), Map.of("reference", booking.reference().value()));
        return BookingViews.booking(ended, facility, true, now, portalUrl);
    }

    private List<BookingStore.Lock> locks(Booking booking, Facility facility, String kind) {
        List<BookingStore.Lock> locks = new ArrayList<>();
        for (Occurrence o : booking.occurrences()) {
            for (String key : o.lockKeys(facility.rules())) {
                locks.add(new BookingStore.Lock(key, o.isBuffer(key) ? "buffer" : kind));
            }
        }
        return locks;
    }

    private BookingStore.Work work(Booking booking, Instant now) {
        if (booking.status() == BookingStatus.HELD) {
            return new BookingStore.Work("hold", booking.holdExpiresAt());
        }
        if (booking.status() == BookingStatus.CONFIRMED && booking.contact() != null && booking.contact().email() != null) {
            for (Occurrence o : booking.occurrences()) {
                if (o.start().minus(REMIND_BEFORE).isAfter(now)) {
                    return new BookingStore.Work("reminder", o.start().minus(REMIND_BEFORE));
                }
            }
            return surveyWork(booking);
        }
        return BookingStore.Work.NONE;
    }

    /** A confirmed booking with an email address, past its reminders, waits for its survey until it has ended. */
    private static BookingStore.Work surveyWork(Booking booking) {
        return new BookingStore.Work("survey", booking.lastEnd());
    }

    /** 409 naming what is in the way: the dates and times already taken (including set-up and clean-up time). */
    private Refusal taken(Facility facility, Booking wanted, List<String> takenKeys) {
        metrics.count(Metrics.Metric.BOOKING_CONFLICTS, facility.id());
        ZoneId zone = facility.zone();
        Set<String> taken = new HashSet<>(takenKeys);
        List<FieldError> clashes = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (Occurrence o : wanted.occurrences()) {
            List<String> keys = o.lockKeys(facility.rules()).stream().filter(taken::contains).toList();
            if (keys.isEmpty()) {
                continue;
            }
            // Read what holds the clashing time, to name its extent (a read for the message only: the write decided).
            List<BookingStore.HeldLock> held = bookings.locks(facility.id(), SlotGrid.instant(keys.get(0)).minus(Duration.ofHours(24)),
                    SlotGrid.instant(keys.get(keys.size() - 1)).plus(Duration.ofHours(24)));
            Set<String> holders = new LinkedHashSet<>();
            held.stream().filter(l -> taken.contains(l.key())).forEach(l -> holders.add(l.bookingRef()));
            Instant from = null;
            Instant to = null;
            for (BookingStore.HeldLock lock : held) {
                if (holders.contains(lock.bookingRef())) {
                    Instant at = SlotGrid.instant(lock.key());
                    Instant atEnd = at.plus(Duration.ofMinutes(SlotGrid.GRANULE_MINUTES));
                    if (o.start().minus(Duration.ofHours(24)).isBefore(at) && at.isBefore(o.end().plus(Duration.ofHours(24)))) {
                        from = from == null || at.isBefore(from) ? at : from;
                        to = to == null || atEnd.isAfter(to) ? atEnd : to;
                    }
                }
            }
            if (from == null) {
                from = SlotGrid.instant(keys.get(0));
                to = SlotGrid.instant(keys.get(keys.size() - 1)).plus(Duration.ofMinutes(SlotGrid.GRANULE_MINUTES));
            }
            String clash = Dates.spoken(from.atZone(zone).toLocalDate()) + ", " + RuleCheck.clock(from.atZone(zone).toLocalTime())
                    + " to " + RuleCheck.clock(to.atZone(zone).toLocalTime());
            named.add(clash);
            clashes.add(new FieldError(wanted.occurrences().size() > 1 ? "occurrences" : "start",
                    "The " + facility.name() + " is already taken on " + clash
                            + (facility.rules().bufferBeforeMinutes() + facility.rules().bufferAfterMinutes() > 0
                            ? " (including set-up and clean-up time)" : "") + "."));
        }
        String message = wanted.occurrences().size() > 1
                ? "Nothing was booked: " + named.size() + " of the " + wanted.occurrences().size()
                + " dates clash with other bookings: " + String.join("; ", named) + "."
                : "That time is no longer free: the " + facility.name() + " is already taken on "
                + (named.isEmpty() ? "part of it" : named.get(0)) + ". Choose another time.";
        return new Refusal(Refusal.Kind.CONFLICT, message, clashes);
    }

    private Booking find(String typedReference) {
        Reference reference = Reference.parse(typedReference).orElseThrow(() -> new Refusal(Refusal.Kind.INVALID,
                "That is not a booking reference. It has 8 letters and numbers, like K7MP-3QXR."));
        return bookings.find(reference).orElseThrow(() -> Refusal.notFound("We could not find a booking with that reference."));
    }

    private Booking own(String typedReference, String secret) {
        Booking booking = find(typedReference);
        if (!Hashes.matches(secret, booking.secretHash())) {
            throw Refusal.forbidden("Use the private link from your confirmation email to change or cancel this booking.");
        }
        return booking;
    }

    private static void requireActive(Booking booking) {
        if (booking.status() != BookingStatus.HELD && booking.status() != BookingStatus.CONFIRMED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "This booking is already " + booking.status().label().toLowerCase() + ".");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid(List.of(new FieldError("reason", "Give a reason: the resident is told it.")));
        }
        if (reason.length() > 500) {
            throw Refusal.invalid(List.of(new FieldError("reason", "Keep the reason to 500 characters or fewer.")));
        }
        return reason.strip();
    }

    private String privateLink(Booking booking, String secret) {
        return portalUrl + "/booking.html?ref=" + booking.reference().value() + "#key=" + secret;
    }

    /** After booking, the secret is not known any more (only its hash): later mails link to the page by reference. */
    private String privateLinkWithoutSecret(Booking booking) {
        return portalUrl + "/booking.html?ref=" + booking.reference().value();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
