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
        String safe = defused(value);
        return safe.matches("(?s).*[,\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /**
     * A value a spreadsheet will not run: one starting = + - @ (or a tab or carriage return, which some spreadsheets
     * skip before reading a formula) gets a leading apostrophe; for a CSV printer that does its own quoting.
     */
    public static String defused(String value) {
        return value != null && value.matches("(?s)^[=+\\-@\t\r].*") ? "'" + value : value;
    }
}
