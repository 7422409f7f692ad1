package io.civicdesk.requests;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * A request's reference, e.g. {@code K7MP-3QXR}: eight characters from an alphabet without 0/O, 1/I/L and U
 * (U and V are easily misheard), so it reads aloud over the phone without spelling games. Thirty symbols in
 * eight places give 6.5 × 10¹¹ references drawn at random, so one reference says nothing about the next;
 * uniqueness is enforced by a conditional write when the request is stored, not hoped for.
 */
public record Reference(String value) {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 8;

    public Reference {
        if (!isCanonical(value)) {
            throw new IllegalArgumentException("Not a reference");
        }
    }

    public static Reference random(SecureRandom random) {
        StringBuilder value = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new Reference(value.toString());
    }

    /** Reads what a person typed or said: any case, with spaces or hyphens anywhere. */
    public static Optional<Reference> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String value = typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        return isCanonical(value) ? Optional.of(new Reference(value)) : Optional.empty();
    }

    /** Two groups of four, the way people read it out. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }

    private static boolean isCanonical(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        return value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    @Override
    public String toString() {
        return value;
    }
}
