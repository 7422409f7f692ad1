package io.civicdesk.agencies;

import java.util.List;

/**
 * A client agency (for a council: a client business unit) the service centre works for under an operating level
 * agreement. Its contacts receive its reports by mail and never sign in; its account manager is a member of staff.
 * {@code version} is the stored version a change must name, so two people's edits cannot overwrite each other.
 */
public record Agency(String id, String name, String accountManagerId, List<Contact> contacts, long version) {

    public Agency {
        contacts = List.copyOf(contacts);
    }

    /** Who at the agency hears of its figures. */
    public enum Role {
        CORPORATE_PURCHASER, BUSINESS_MANAGER, FUNCTION_MANAGER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static java.util.Optional<Role> fromWireName(String text) {
            return java.util.Arrays.stream(values()).filter(role -> role.wireName().equals(text)).findFirst();
        }
    }

    /**
     * A person at the agency. {@code unsubscribeToken} is the secret in the link of each mail they get, which
     * stops their mails; {@code unsubscribed} once they used it.
     */
    public record Contact(Role role, String name, String email, String unsubscribeToken, boolean unsubscribed) {
    }

    /**
     * The link in each mail to a contact that stops their mails from the agency's service centre, answered by
     * {@code /agency-unsubscribe.html}; the secret is after the {@code #}, so it never reaches a server log.
     */
    public String unsubscribeLink(String portalUrl, Contact contact) {
        return portalUrl.replaceAll("/+$", "") + "/agency-unsubscribe.html?agency="
                + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                + "#token=" + java.net.URLEncoder.encode(contact.unsubscribeToken(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The contacts still taking its reports. */
    public List<Contact> mailed() {
        return contacts.stream().filter(contact -> !contact.unsubscribed()).toList();
    }
}
