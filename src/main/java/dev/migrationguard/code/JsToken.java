package dev.migrationguard.code;

/**
 * A token of JavaScript or TypeScript source.
 *
 * @param kind  what it is
 * @param start offset of its first character in the file
 * @param end   offset after its last character
 * @param text  the raw text for names and punctuation; the decoded value for strings; for templates, the
 *              decoded text with each {@code ${...}} replaced by {@link #PLACEHOLDER}
 */
public record JsToken(Kind kind, int start, int end, String text) {
    /** Stands for an interpolated {@code ${...}} expression inside a template's decoded text. */
    public static final String PLACEHOLDER = "mg_param";

    public enum Kind { IDENTIFIER, NUMBER, STRING, TEMPLATE, REGEX, PUNCTUATION }

    public boolean is(String punctuationOrName) {
        return (kind == Kind.PUNCTUATION || kind == Kind.IDENTIFIER) && text.equals(punctuationOrName);
    }

    public boolean isStringLike() {
        return kind == Kind.STRING || kind == Kind.TEMPLATE;
    }
}
