package io.civicdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A plain-text table: a heading, aligned columns (numbers to the right), and a note on how it was measured. */
final class Table {
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?|-");

    private final String title;
    private final String note;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String title, String note, String... headers) {
        this.title = title;
        this.note = note;
        this.headers = List.of(headers);
    }

    Table add(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("A row of " + cells.length + " cells in a table of " + headers.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    String render() {
        int columns = headers.size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            int column = c;
            widths[c] = Math.max(headers.get(c).length(), rows.stream().mapToInt(row -> row.get(column).length()).max().orElse(0));
            numeric[c] = !rows.isEmpty() && rows.stream().allMatch(row -> NUMBER.matcher(row.get(column)).matches());
        }
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n').append("=".repeat(title.length())).append('\n');
        line(out, headers, widths, numeric);
        line(out, Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths, numeric);
        rows.forEach(row -> line(out, row, widths, numeric));
        return out.append(note).append('\n').toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(numeric[c] ? padding + cell : cell + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** With thousands separators, whatever the machine's locale. */
    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
