package io.civicdesk.privacy;

import io.civicdesk.platform.Csv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The subject-access export as a spreadsheet, beside the JSON one: one row per field of each record, nested fields
 * named by their path ({@code contact.email}, {@code answers[0].answer}), in the order of the JSON export. Every
 * value is what the resident or staff wrote, so each is defused ({@link Csv#defused}): a spreadsheet never runs it.
 */
final class SubjectCsv {
    static final String FILE_NAME = "subject-access-export.csv";

    private SubjectCsv() {
    }

    static String of(SubjectAccess.Found found) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("kind", "reference", "field", "value").get())) {
            for (RecordKind kind : RecordKind.values()) {
                for (PersonalRecords.Held record : found.records()) {
                    if (record.kind() == kind) {
                        print(printer, kind.wireName(), record.reference(), "", record.details());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void print(CSVPrinter printer, String kind, String reference, String path, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                print(printer, kind, reference, path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey(), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                print(printer, kind, reference, path + "[" + i + "]", list.get(i));
            }
        } else if (value != null) {
            printer.printRecord(kind, Csv.defused(reference), path, Csv.defused(String.valueOf(value)));
        }
    }
}
