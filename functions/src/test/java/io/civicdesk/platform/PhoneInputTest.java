package io.civicdesk.platform;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phone numbers as residents type them, held in E.164; numbers stored before, in their 0… form, read as E.164. */
class PhoneInputTest {
    private static String read(String typed, boolean mobile, List<FieldError> errors) {
        return PhoneInput.optional(JsonNodeFactory.instance.textNode(typed), "contact.phone", mobile, errors);
    }

    @Test
    void australianNumbersAsTypedAreHeldInE164() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals("+61412345678", read("0412 345 678", true, errors));
        assertEquals("+61412345678", read("+61 (0)412-345-678", true, errors));
        assertEquals("+61893651234", read("(08) 9365 1234", false, errors));
        assertEquals("+611300123456", read("1300 123 456", false, errors));
        assertEquals("+447400123456", read("+44 7400 123456", true, errors));
        assertEquals(List.of(), errors);
    }

    @Test
    void whatIsNotANumberIsNamedAndALandlineCannotTakeTexts() {
        for (String bad : List.of("12345", "0412 345", "call me", "+61 0412 345 678 999")) {
            List<FieldError> errors = new ArrayList<>();
            assertNull(read(bad, false, errors), bad);
            assertEquals("contact.phone", errors.get(0).field());
        }
        List<FieldError> errors = new ArrayList<>();
        assertNull(read("(08) 9365 1234", true, errors));
        assertTrue(errors.get(0).message().contains("mobile"));
        assertFalse(PhoneInput.canText("(08) 9365 1234"));
        assertTrue(PhoneInput.canText("0412345678"));
    }

    @Test
    void numbersStoredBeforeE164ReadAsE164AndAnythingElseAsItWas() {
        assertEquals("+61412345678", PhoneInput.stored("0412345678"));
        assertEquals("+61412345678", PhoneInput.stored("+61412345678"));
        assertEquals("not a number", PhoneInput.stored("not a number"));
        assertNull(PhoneInput.stored(null));
    }
}
