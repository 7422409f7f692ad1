package io.civicdesk.requests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SearchTermsTest {
    @Test
    void emailIsLowerCasedAndPhoneIsDigitsWithPlus61AsZero() {
        assertEquals("email#alex@example.com", SearchTerms.email("  Alex@Example.COM "));
        assertEquals("phone#0412345678", SearchTerms.phone("0412 345 678"));
        assertEquals("phone#0412345678", SearchTerms.phone("+61 412 345 678"));
        assertEquals("phone#0894441234", SearchTerms.phone("(08) 9444-1234"));
        assertNull(SearchTerms.phone("12"));
    }

    @Test
    void wordsAreLowerCaseWithoutAccentsOrPunctuationEachOnce() {
        assertEquals(List.of("word#renee", "word#o", "word#brien", "word#14"),
                SearchTerms.words("Renée O'Brien, 14 renee"));
    }

    @Test
    void termsNameTheFieldsTheyCameFrom() {
        Map<String, java.util.Set<String>> terms = SearchTerms.of(
                new Contact("Alex Banksia", "alex@example.com", "0412345678"),
                new Location("14 Banksia Street", null, null)).stream()
                .collect(Collectors.toMap(SearchTerms.Term::term, SearchTerms.Term::fields));
        assertEquals(java.util.Set.of("email"), terms.get("email#alex@example.com"));
        assertEquals(java.util.Set.of("phone"), terms.get("phone#0412345678"));
        assertEquals(java.util.Set.of("name"), terms.get("word#alex"));
        assertEquals(java.util.Set.of("name", "address"), terms.get("word#banksia"));
        assertEquals(null, terms.get("word#street"), "a word nearly every address has finds nothing");
        assertEquals(java.util.Set.of("address"), terms.get("word#14"));
    }
}
