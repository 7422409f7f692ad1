package io.civicdesk.figures;

/** The scores one survey answer gives: how satisfied (1 to 5) and, if asked, how likely to recommend (0 to 10). */
public interface Scored {
    int satisfaction();

    Integer recommend();
}
