package dev.migrationguard.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every {@code .java} file of the snapshot, parsed once by JavaParser. */
public final class JavaSources {
    public static final ModelKey<List<JavaSource>> MODEL = ModelKey.of("java-sources", snapshot -> {
        List<JavaSource> out = new ArrayList<>();
        for (String path : snapshot.paths()) {
            if (path.endsWith(".java")) {
                snapshot.read(path).ifPresent(file -> {
                    JavaSource source = of(file);
                    source.problem().ifPresent(p -> snapshot.addNotice(Notice.warning(path, "line "
                            + file.line(p.offset()) + ", column " + file.column(p.offset()) + ": JavaParser cannot read"
                            + " this file (" + p.message() + "); raw DDL in it is still found by a scan of its tokens")));
                    out.add(source);
                });
            }
        }
        return List.copyOf(out);
    });

    /**
     * A parser per thread, made at its first .java file: JavaParser's configuration builds a validator for every
     * language level, which a repository without Java should not pay for at start-up, and a parser is not shared
     * between threads.
     */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(JavaSources::newParser);

    private JavaSources() {
    }

    private static JavaParser newParser() {
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE)
                .setAttributeComments(false)
                .setStoreTokens(true));
    }

    /** One file, parsed once however many models ask (the parse is kept with the file). */
    static JavaSource of(SourceFile file) {
        return file.derived(JavaSources.class, f -> parse(PARSER.get(), f));
    }

    static JavaSource parse(JavaParser parser, SourceFile file) {
        ParseResult<CompilationUnit> result;
        try {
            result = parser.parse(file.text());
        } catch (RuntimeException | StackOverflowError e) {
            return new JavaSource(file, Optional.empty(), Optional.of(new JavaSource.Problem(0,
                    "JavaParser failed: " + e.getClass().getSimpleName())));
        }
        if (result.isSuccessful() && result.getResult().isPresent()) {
            return new JavaSource(file, result.getResult(), Optional.empty());
        }
        Problem first = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
        int offset = first == null ? 0 : first.getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(r -> file.offset(Math.max(1, r.begin.line), Math.max(1, r.begin.column)))
                .orElse(0);
        String message = first == null ? "cannot be parsed" : first.getMessage().lines().findFirst().orElse("syntax error");
        return new JavaSource(file, Optional.empty(), Optional.of(new JavaSource.Problem(offset, message)));
    }
}
