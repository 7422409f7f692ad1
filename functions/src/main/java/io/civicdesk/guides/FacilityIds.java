package io.civicdesk.guides;

/** The facilities a guided conversation may lead to a booking of; bookings supplies it when guides are wired. */
@FunctionalInterface
public interface FacilityIds {
    boolean exists(String facilityId);
}
