package io.civicdesk.requests;

import io.civicdesk.platform.ContactLookup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How staff find a request by its resident: the terms written beside a request when it is made (one lookup
 * item each), and the same normalisation applied to what staff type, so the two always agree.
 *
 * <ul>
 *   <li>email: trimmed, lower-case — {@code email#alex@example.com}</li>
 *   <li>phone: digits only, an Australian {@code +61} number as its {@code 0} form — {@code phone#0412345678}</li>
 *   <li>words of the resident's name and of the problem's address: lower-case letters and digits, accents
 *       dropped, each word once — {@code word#banksia} — without the words nearly every address has (street
 *       types, state codes, "the"), which would find everything and make the index's busiest partitions</li>
 * </ul>
 */
public final class SearchTerms {
    /** Enough for a full name and a long address; the rest of a very long address is not searchable. */
    static final int MAX_WORDS = 16;
    /** Left out of the terms, and so of searches: alone they find everything, beside other words they add nothing. */
    static final Set<String> COMMON_WORDS = Set.of("the", "of", "and", "corner", "cnr", "near", "opposite", "outside",
            "street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "court", "ct", "place", "pl", "lane", "ln",
            "way", "crescent", "cres", "close", "cl", "parade", "pde", "terrace", "tce", "highway", "hwy", "boulevard",
            "blvd", "circuit", "cct", "grove", "gr", "loop", "mews", "rise", "square", "sq", "australia",
            "wa", "nsw", "vic", "qld", "sa", "tas", "act", "nt");

    private SearchTerms() {
    }

    /** A term and the fields of the request it came from (name, address, email, phone). */
    public record Term(String term, Set<String> fields) {
    }

    public static List<Term> of(Contact contact, Location location) {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        if (contact.email() != null) {
            terms.computeIfAbsent(email(contact.email()), t -> new LinkedHashSet<>()).add("email");
        }
        String phone = contact.phone() == null ? null : phone(contact.phone());
        if (phone != null) {
            terms.computeIfAbsent(phone, t -> new LinkedHashSet<>()).add("phone");
        }
        int words = 0;
        for (String word : words(contact.name())) {
            if (words++ < MAX_WORDS) {
                terms.computeIfAbsent(word, t -> new LinkedHashSet<>()).add("name");
            }
        }
        for (String word : words(location.address())) {
            if (!terms.containsKey(word) && words++ >= MAX_WORDS) {
                continue;
            }
            terms.computeIfAbsent(word, t -> new LinkedHashSet<>()).add("address");
        }
        List<Term> result = new ArrayList<>();
        terms.forEach((term, fields) -> result.add(new Term(term, Set.copyOf(fields))));
        return result;
    }

    public static String email(String email) {
        return ContactLookup.email(email);
    }

    /** The term of a follower's email: apart from the resident's own, so staff searching an email never meet it. */
    public static String follower(String email) {
        return "follower#" + email(email);
    }

    /** The term of a texted follower's phone, apart from the resident's own as a follower's email is. */
    public static String followerPhone(String phone) {
        String term = phone(phone);
        return term == null ? null : "follower#" + term;
    }

    /** The phone term, or null when there are too few digits to be a number. */
    public static String phone(String phone) {
        return ContactLookup.phone(phone);
    }

    /** The word terms of some text, each once, in order. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && word.length() <= 40 && !COMMON_WORDS.contains(word)) {
                words.add("word#" + word);
            }
        }
        return List.copyOf(words);
    }
}
