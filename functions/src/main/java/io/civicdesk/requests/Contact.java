package io.civicdesk.requests;

/** A resident's contact details; every part is optional unless their preferred channel needs it. */
public record Contact(String name, String email, String phone) {
    public static final Contact NONE = new Contact(null, null, null);
}
