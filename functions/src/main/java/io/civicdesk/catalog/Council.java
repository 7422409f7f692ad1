package io.civicdesk.catalog;

/** The organisation running the portal, and the business calendar its promises are counted in. */
public record Council(String name, String timeZone, String calendarId) {
}
