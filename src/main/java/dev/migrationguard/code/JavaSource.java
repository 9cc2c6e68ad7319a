package dev.migrationguard.code;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.migrationguard.workspace.SourceFile;
import java.util.Optional;

/**
 * A Java file parsed by JavaParser, or the reason it could not be.
 *
 * @param file    the source
 * @param unit    the syntax tree, when the file parsed
 * @param problem the first syntax error (offset and message), when it did not
 */
public record JavaSource(SourceFile file, Optional<CompilationUnit> unit, Optional<Problem> problem) {

    public record Problem(int offset, String message) {
    }

    /** Offset of a node's first character. */
    public int start(Node node) {
        return node.getBegin().map(p -> file.offset(p.line, p.column)).orElse(0);
    }

    /** Offset after a node's last character (JavaParser's end position is inclusive). */
    public int end(Node node) {
        return node.getEnd().map(p -> Math.min(file.offset(p.line, p.column) + 1, file.text().length()))
                .orElse(start(node));
    }
}
