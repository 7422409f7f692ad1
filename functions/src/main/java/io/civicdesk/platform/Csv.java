package io.civicdesk.platform;

/** CSV text that a spreadsheet reads as the value it is, whatever a resident or an officer typed. */
public final class Csv {
    private Csv() {
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ cannot start a formula. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("(?s)^[=+\\-@].*") ? "'" + value : value;
        return safe.matches("(?s).*[,\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
