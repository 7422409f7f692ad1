package io.civicdesk.bookings;

import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.notify.Outgoing;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff work on bookings: a facility's calendar, the holds waiting for a supervisor, approve / decline / cancel with
 * a reason, and a secret calendar feed link (block-outs and bookings for a caller are {@link NewBookings}). Roles
 * come from the verified claims ({@link StaffCaller}).
 */
public final class StaffBookings {
    private final BookingChanges changes;
    private final SecureRandom random;
    private final StaffReadAudit audit;

    StaffBookings(BookingChanges changes, SecureRandom random, StaffReadAudit audit) {
        this.changes = changes;
        this.audit = audit;
        this.random = random;
    }

    public Map<String, Object> approve(String typedReference, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = changes.find(typedReference);
        if (booking.status() != BookingStatus.HELD) {
            throw Refusal.conflict("Only a booking waiting for approval can be approved; this one is " + booking.status().label().toLowerCase() + ".");
        }
        Facility facility = changes.facilities.require(booking.facilityId());
        Instant now = changes.clock.instant();
        Booking approved = booking.withStatus(BookingStatus.CONFIRMED);
        Outgoing mail = changes.mail(BookingMails.Kind.APPROVED, approved, facility, now);
        try {
            changes.move(booking, approved, BookingChanges.work(approved, now), List.of(), List.of(), changes.sending(mail, now), now);
        } catch (Refused changed) {
            throw Refusal.conflict("Someone else has just acted on this booking. Reload it.");
        }
        Log.info("booking.approved", Map.of("reference", booking.reference().value(), "by", staff.id()));
        return changes.view(approved, facility, true, now);
    }

    public Map<String, Object> decline(String typedReference, String reason, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = changes.find(typedReference);
        if (booking.status() != BookingStatus.HELD) {
            throw Refusal.conflict("Only a booking waiting for approval can be declined; this one is " + booking.status().label().toLowerCase() + ".");
        }
        return changes.end(booking, changes.facilities.require(booking.facilityId()), BookingStatus.DECLINED, requireReason(reason),
                BookingMails.Kind.DECLINED, staff.id());
    }

    public Map<String, Object> cancel(String typedReference, String reason, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = changes.find(typedReference);
        BookingChanges.requireActive(booking);
        return changes.end(booking, changes.facilities.require(booking.facilityId()), BookingStatus.CANCELLED, requireReason(reason),
                BookingMails.Kind.CANCELLED, staff.id());
    }

    /** The calendar for staff: every booking and block with time in the range, with who booked it. */
    public Map<String, Object> calendar(Facility facility, BookingRequestReader.Days asked, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        LocalDate from = asked.from();
        int days = asked.count();
        Instant start = Availability.rangeStart(facility, from);
        Instant end = Availability.rangeEnd(facility, from, days);
        List<Bookings.HeldLock> locks = changes.bookings.locks(facility.id(), start, end);
        Map<String, Booking> found = changes.bookings.findAll(locks.stream().map(Bookings.HeldLock::bookingRef).toList());
        List<Map<String, Object>> entries = new ArrayList<>();
        Instant now = changes.clock.instant();
        for (Booking booking : found.values()) {
            for (Occurrence o : booking.occurrences()) {
                if (o.end().isAfter(start) && o.start().isBefore(end)) {
                    Map<String, Object> entry = new LinkedHashMap<>(BookingViews.occurrence(o, facility.zone()));
                    entry.put("booking", changes.view(booking, facility, true, now));
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
        audit.shown(staff, "booking", found.values().stream().filter(b -> !Booking.BLOCK.equals(b.kind()))
                .map(b -> b.reference().value()).toList());
        return view;
    }

    /** Holds waiting for a supervisor, soonest to expire first. */
    public List<Map<String, Object>> holds(StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Instant now = changes.clock.instant();
        List<Map<String, Object>> views = new ArrayList<>();
        for (Booking booking : changes.bookings.due("hold", now.plus(Duration.ofDays(3650)), 100)) {
            views.add(changes.view(booking, changes.facilities.require(booking.facilityId()), true, now));
        }
        audit.shown(staff, "booking", views.stream().map(view -> String.valueOf(view.get("reference"))).toList());
        return views;
    }

    /** A new secret feed link for a facility's calendar; only its hash is kept. */
    public Map<String, Object> newFeedLink(String facilityId, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Facility facility = changes.facilities.require(facilityId);
        String token = Hashes.newSecret(random) + Hashes.newSecret(random);
        changes.bookings.putFeedToken(Hashes.sha256(token), facility.id(), changes.clock.instant());
        // The path under the API's base URL: the staff page knows that base (config.js), the function need not.
        return Map.of("feedPath", "/facility-feeds/" + token + ".ics");
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
}
