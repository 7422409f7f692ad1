package io.civicdesk.feedback;

import io.civicdesk.platform.Write;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Complaints and their reviews as cases (kept by {@link ComplaintStore}, whose comment gives the key design). */
public interface Complaints {
    /**
     * The new case, as the part "case" (its condition fails if the reference is taken), with the lookup items of
     * its contact (platform.ContactLookup) that privacy finds it by.
     */
    List<Write> create(Complaint complaint);

    /** The changed case (version one more than read), as the part "case"; it fails if someone else changed it first. */
    Write save(Complaint changed);

    Optional<Complaint> find(String reference);

    /** Open complaints ("complaints") or reviews ("reviews"), the soonest due first. */
    List<Complaint> open(String queue);

    /** The complaints (not reviews) received in a month, in order of receipt. */
    List<Complaint> received(YearMonth month);

    /** A new investigation note, as the part "note"; notes are only ever added. */
    Write noted(ComplaintNote note);

    /** A case's investigation notes, oldest first. */
    List<ComplaintNote> notes(String reference);
}
