package io.civicdesk.privacy;

import io.civicdesk.local.LocalStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/privacy.md carries the same map of personal information as the code, and a period for every kind of record. */
class PersonalDataMapTest {

    @Test
    void theDocsMapEveryTableItemAndAttributeTheCodeMapsAndEveryKindsPeriod() throws IOException {
        String docs = Files.readString(LocalStack.findProjectRoot().resolve("docs/privacy.md"));
        List<String> lines = docs.lines().map(line -> line.replace("`", "").replace("**", "")).toList();
        List<String> missing = new ArrayList<>();
        for (PersonalData entry : PersonalData.MAP) {
            if (lines.stream().noneMatch(line -> line.startsWith("| " + entry.table() + " | " + entry.item() + " | "
                    + entry.attribute() + " | "))) {
                missing.add(entry.table() + " | " + entry.item() + " | " + entry.attribute());
            }
        }
        assertEquals(List.of(), missing, "in PersonalData.MAP but not in docs/privacy.md");
        Arrays.stream(RecordKind.values()).forEach(kind -> assertTrue(docs.contains("| `" + kind.wireName() + "` | "),
                kind.wireName() + " has its row in the schedule"));
    }
}
