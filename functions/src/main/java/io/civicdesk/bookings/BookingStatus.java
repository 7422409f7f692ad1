package io.civicdesk.bookings;

/**
 * Where a booking is. Only {@code CLAIMING}, {@code HELD} and {@code CONFIRMED} hold slot locks; every move to
 * another status releases exactly the locks the booking holds.
 *
 * <pre>
 *  CLAIMING ──► HELD ──approve──► CONFIRMED ──cancel──► CANCELLED
 *     │          ├──decline──► DECLINED          ▲
 *     │          ├──expire───► EXPIRED           │
 *     │          └──cancel──────────────────────►┘
 *     └── a long series whose claim failed part-way ──► FAILED (locks rolled back)
 *
 *  PAYING ──paid (webhook, or at the counter)──► CONFIRMED, or HELD where approval is required
 *     └──not paid in time──► EXPIRED
 * </pre>
 * A booking of a facility paid online ({@code fee.payOnline}) starts {@code PAYING}: its slots are held while the
 * resident pays on the provider's page.
 */
public enum BookingStatus {
    CLAIMING("claiming", "Being booked"),
    HELD("held", "Waiting for approval"),
    CONFIRMED("confirmed", "Confirmed"),
    CANCELLED("cancelled", "Cancelled"),
    DECLINED("declined", "Declined"),
    EXPIRED("expired", "Expired"),
    FAILED("failed", "Not booked"),
    PAYING("paying", "Waiting for payment");

    private final String wireName;
    private final String label;

    BookingStatus(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public boolean holdsSlots() {
        return this == CLAIMING || this == HELD || this == CONFIRMED || this == PAYING;
    }

    public static BookingStatus fromWireName(String name) {
        for (BookingStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown booking status " + name);
    }
}
