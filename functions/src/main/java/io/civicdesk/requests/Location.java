package io.civicdesk.requests;

/** Where the problem is: an address as typed, the phone's position, or both. */
public record Location(String address, Double latitude, Double longitude) {
}
