package io.civicdesk.articles;

/** What an article is for. */
public enum ArticleKind {
    /** How a process works, what someone can do themselves, an answer to a common question, a procedure. */
    GUIDANCE("guidance"),
    /** A unit's page in the address book: what it is responsible for, its key roles and who holds them, how to refer to it. */
    UNIT_PAGE("unit-page");

    private final String code;

    ArticleKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ArticleKind fromCode(String code) {
        for (ArticleKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No article kind " + code);
    }
}
