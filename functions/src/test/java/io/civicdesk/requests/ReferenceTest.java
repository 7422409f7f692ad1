package io.civicdesk.requests;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceTest {

    @Test
    void alphabetHasNoCharactersThatSoundOrLookAlike() {
        for (char confusing : "0O1IL U".toCharArray()) {
            assertFalse(Reference.ALPHABET.indexOf(confusing) >= 0, "alphabet contains '" + confusing + "'");
        }
        assertEquals(30, Reference.ALPHABET.length());
    }

    @Test
    void aNewReferenceIsEightCharactersShownAsTwoGroupsOfFour() {
        Reference reference = Reference.random(new SecureRandom());
        assertTrue(reference.value().matches("[" + Reference.ALPHABET + "]{8}"));
        assertTrue(reference.display().matches("[" + Reference.ALPHABET + "]{4}-[" + Reference.ALPHABET + "]{4}"));
    }

    @Test
    void readsWhatPeopleTypeInAnyCaseWithSpacesOrHyphens() {
        assertEquals(Optional.of(new Reference("K7MP3QXR")), Reference.parse("k7mp-3qxr"));
        assertEquals(Optional.of(new Reference("K7MP3QXR")), Reference.parse(" K7MP 3QXR "));
        assertEquals(Optional.of(new Reference("K7MP3QXR")), Reference.parse("K7MP3QXR"));
    }

    @Test
    void refusesWhatCannotBeAReference() {
        assertEquals(Optional.empty(), Reference.parse(null));
        assertEquals(Optional.empty(), Reference.parse(""));
        assertEquals(Optional.empty(), Reference.parse("K7MP3QX"));
        assertEquals(Optional.empty(), Reference.parse("K7MP3QXRR"));
        assertEquals(Optional.empty(), Reference.parse("K7MP3QX0"), "zero is not in the alphabet");
        assertEquals(Optional.empty(), Reference.parse("../../etc"));
    }

    @Test
    void referencesDoNotFollowOneAnother() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        int[] firstCharacterCounts = new int[Reference.ALPHABET.length()];
        for (int i = 0; i < 30_000; i++) {
            Reference reference = Reference.random(random);
            seen.add(reference.value());
            firstCharacterCounts[Reference.ALPHABET.indexOf(reference.value().charAt(0))]++;
        }
        assertEquals(30_000, seen.size(), "30,000 draws from 6.5e11 should not repeat");
        for (int count : firstCharacterCounts) {
            // Each symbol expected 1,000 times; a sequential or biased generator would be far off.
            assertTrue(count > 800 && count < 1200, "first characters are not evenly spread: " + count);
        }
    }
}
