package dev.migrationguard.sql;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The tokens of one statement as the parser's input, read straight from the list the splitter made. ANTLR's
 * {@code CommonTokenStream} over a {@code ListTokenSource} copied every token into a buffer of its own through a
 * {@code sync} per look-ahead, a third of the parser's time. Token indexes are renumbered from 0 as that stream did,
 * and the statement ends with an EOF token just after its last token.
 */
final class ChunkTokenStream implements TokenStream {
    private final Token[] tokens;
    private final Token eof;
    private final TokenSource source;
    private int p;

    /** Reads {@code tokens} (not copied: the parser reads them several times per token, and C1 code calls a List slowly). */
    ChunkTokenStream(Token[] tokens) {
        this.tokens = tokens;
        for (int i = 0; i < tokens.length; i++) {
            ((WritableToken) tokens[i]).setTokenIndex(i);
        }
        Token last = tokens[tokens.length - 1];
        this.source = last.getTokenSource();
        int start = last.getStopIndex() + 1;
        CommonToken end = new CommonToken(Token.EOF, "EOF");
        end.setStartIndex(start);
        end.setStopIndex(Math.max(-1, start - 1));
        end.setLine(last.getLine());
        end.setCharPositionInLine(last.getCharPositionInLine() + last.getStopIndex() - last.getStartIndex() + 1);
        end.setTokenIndex(tokens.length);
        this.eof = end;
    }

    @Override
    public Token LT(int k) {
        if (k == 0) {
            return null;
        }
        int i = k < 0 ? p + k : p + k - 1;
        if (i < 0) {
            return null;
        }
        return i < tokens.length ? tokens[i] : eof;
    }

    @Override
    public int LA(int i) {
        Token t = LT(i);
        return t == null ? Token.INVALID_TYPE : t.getType();
    }

    @Override
    public void consume() {
        if (p >= tokens.length) {
            throw new IllegalStateException("cannot consume EOF");
        }
        p++;
    }

    @Override
    public Token get(int index) {
        if (index < 0 || index > tokens.length) {
            throw new IndexOutOfBoundsException("token index " + index + " out of range 0.." + tokens.length);
        }
        return index < tokens.length ? tokens[index] : eof;
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(tokens.length - 1, interval.b);
        StringBuilder text = new StringBuilder();
        for (int i = start; i <= stop; i++) {
            text.append(tokens[i].getText());
        }
        return text.toString();
    }

    @Override
    public String getText() {
        return getText(Interval.of(0, tokens.length - 1));
    }

    @Override
    public String getText(RuleContext ctx) {
        return getText(ctx.getSourceInterval());
    }

    @Override
    public String getText(Token start, Token stop) {
        if (start == null || stop == null) {
            return "";
        }
        return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        p = Math.max(0, Math.min(index, tokens.length));
    }

    @Override
    public int size() {
        return tokens.length + 1;
    }

    @Override
    public String getSourceName() {
        return source == null ? UNKNOWN_SOURCE_NAME : source.getSourceName();
    }
}
