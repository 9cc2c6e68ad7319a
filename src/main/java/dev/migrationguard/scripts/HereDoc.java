package dev.migrationguard.scripts;

/**
 * The body of a here-document ({@code <<EOF}, {@code <<-EOF}, {@code <<'EOF'}): data fed to the command's standard
 * input, not commands of the script. Kept with offsets so a rule can read SQL given to {@code psql <<SQL}.
 *
 * @param delimiter the word that ends the body, quotes removed
 * @param quoted    whether the delimiter was quoted (the body is then not expanded)
 * @param stripTabs {@code <<-}: leading tabs of body lines are removed
 * @param body      the body text, mapped to the file
 */
public record HereDoc(String delimiter, boolean quoted, boolean stripTabs, MappedText body) {
}
