package io.civicdesk.platform;


import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * How a resident's records are found again for subject access and erasure without reading whole tables: beside
 * each record that holds a resident's email or phone, one lookup item per normalised term, written in the same
 * transaction as the record, in the record's own partition:
 *
 * <pre>
 * pk                 sk                       item
 * {record's pk}      CONTACT#email#{address}  contactTerm = email#{address}   (sparse index ByContact, keys only)
 * {record's pk}      CONTACT#phone#{digits}   contactTerm = phone#{digits}
 * </pre>
 *
 * A term is made of personal fields, so it goes with the record's personal details (privacy deletes it when it
 * anonymises the record). The outbox has no sort key: a mail keeps its term as an attribute instead
 * ({@link #RECIPIENT}, index ByRecipient).
 */
public final class ContactLookup {
    /** The sparse index on {@code contactTerm} of the feedback and bookings tables. */
    public static final String INDEX = "ByContact";
    public static final String TERM = "contactTerm";
    public static final String PREFIX = "CONTACT#";
    /** The outbox's index on {@code recipient}, a mail's address as its email term. */
    public static final String RECIPIENT_INDEX = "ByRecipient";
    public static final String RECIPIENT = "recipient";

    private ContactLookup() {
    }

    /** An email's term: trimmed, lower-case — {@code email#alex@example.com}. */
    public static String email(String email) {
        return "email#" + email.strip().toLowerCase(Locale.ROOT);
    }

    /** A phone's term: digits only, an Australian +61 number as its 0 form; null when too few digits to be a number. */
    public static String phone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("61") && digits.length() == 11 && phone.strip().startsWith("+")) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() < 6 ? null : "phone#" + digits;
    }

    /** The terms of a contact, each once (either may be null or blank). */
    public static List<String> terms(String email, String phone) {
        Set<String> terms = new LinkedHashSet<>();
        if (email != null && !email.isBlank()) {
            terms.add(email(email));
        }
        String phoneTerm = phone == null ? null : phone(phone);
        if (phoneTerm != null) {
            terms.add(phoneTerm);
        }
        return List.copyOf(terms);
    }
}
