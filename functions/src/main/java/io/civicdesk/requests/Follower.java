package io.civicdesk.requests;

import io.civicdesk.languages.Language;
import io.civicdesk.platform.PhoneInput;

/**
 * Someone who is mailed a request's public updates, in their own language. Either the resident of a request closed
 * as its duplicate ({@code reference} is theirs; they reported, so they are confirmed), or anyone who followed it by
 * email or text from its tracking page ({@code reference} null), who hears nothing until they confirm from the mail
 * (or text). {@code phone} (E.164) is kept only for one who is texted.
 * Only what reaching them needs is kept on the request.
 *
 * @param token the unguessable secret of their confirm and unfollow links (null for a duplicate's resident who
 *              followed before followers had one: their mails carry no unfollow link)
 */
public record Follower(Reference reference, String email, String phone, PreferredChannel preferredChannel, Language language,
                       boolean confirmed, String token) {

    /** Whether the request's public updates are mailed to them: confirmed, by email. */
    public boolean mailed() {
        return confirmed && preferredChannel == PreferredChannel.EMAIL && email != null;
    }

    /** Whether the request's public updates are texted to them: confirmed, by text, to a mobile. */
    public boolean texted() {
        return confirmed && preferredChannel == PreferredChannel.SMS && PhoneInput.canText(phone);
    }

    public Follower confirm() {
        return new Follower(reference, email, phone, preferredChannel, language, true, token);
    }
}
