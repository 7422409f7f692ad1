package io.civicdesk.search;

/** Where the council's synonyms are kept. */
public interface SynonymBook {
    Synonyms synonyms();

    void replace(Synonyms synonyms);
}
