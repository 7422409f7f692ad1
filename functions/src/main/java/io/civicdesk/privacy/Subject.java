package io.civicdesk.privacy;

import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.SearchTerms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The resident a subject-access request or an erasure is about: an email, a phone number, or both, normalised
 * the way the requests' search terms are, so "Dana@Example.com " and "+61 412 345 678" find what was typed as
 * "dana@example.com" and "0412 345 678".
 */
public record Subject(String email, String phone) {

    public static Subject of(String email, String phone) {
        String e = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        String p = phone == null || phone.isBlank() ? null : SearchTerms.phone(phone);
        List<FieldError> errors = new ArrayList<>();
        if (e != null && (e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+"))) {
            errors.add(new FieldError("email", "Give the resident's email address, like name@example.com."));
        }
        if (phone != null && !phone.isBlank() && p == null) {
            errors.add(new FieldError("phone", "Give the resident's phone number, at least 6 digits."));
        }
        if (errors.isEmpty() && e == null && p == null) {
            errors.add(new FieldError("email", "Give the resident's email address or phone number."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Subject(e, p == null ? null : p.substring("phone#".length()));
    }

    /** Whether a record's contact details are this resident's. */
    public boolean matches(String recordEmail, String recordPhone) {
        if (email != null && recordEmail != null && email.equals(recordEmail.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String term = recordPhone == null ? null : SearchTerms.phone(recordPhone);
        return phone != null && term != null && term.equals("phone#" + phone);
    }

    /** What the audit keeps instead of the address and number: a hash, so the audit holds nothing personal. */
    public String hash() {
        return Hashes.sha256("privacy-subject:" + (email == null ? "" : email) + "|" + (phone == null ? "" : phone));
    }
}
