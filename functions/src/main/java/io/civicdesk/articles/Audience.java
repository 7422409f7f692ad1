package io.civicdesk.articles;

/** Who may read an article. */
public enum Audience {
    /** Anyone, without an account: residents on the portal, and staff. */
    RESIDENTS("residents"),
    /** Signed-in staff only: internal procedures, what to ask a caller, scripts. */
    STAFF("staff");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Audience fromCode(String code) {
        for (Audience audience : values()) {
            if (audience.code.equals(code)) {
                return audience;
            }
        }
        throw new IllegalArgumentException("No audience " + code);
    }
}
