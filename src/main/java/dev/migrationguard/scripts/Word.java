package dev.migrationguard.scripts;

/**
 * One shell word: its value after quote removal (each character mapped to the file), and the span of its raw text
 * in the file, quotes included.
 *
 * @param value  the word as the command receives it (expansions such as {@code $HOME} are left as written)
 * @param start  file offset of the first raw character
 * @param end    file offset just after the last raw character
 * @param quoted whether any part of the word was quoted or escaped
 */
public record Word(MappedText value, int start, int end, boolean quoted) {

    public String text() {
        return value.text();
    }

    @Override
    public String toString() {
        return value.text();
    }
}
