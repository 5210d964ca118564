package org.qdl.sim.qasm;

import java.util.ArrayList;
import java.util.List;

/** Splits OpenQASM 2 source into tokens, skipping whitespace and // and /* *\/ comments. */
final class Lexer {
    private final String src;
    private final String file;
    private int pos;
    private int line = 1;
    private int col = 1;

    Lexer(String source, String file) {
        this.src = source;
        this.file = file;
    }

    static List<Token> tokenize(String source, String file) {
        Lexer lx = new Lexer(source, file);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return out;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private char advance() {
        char c = src.charAt(pos++);
        if (c == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        return c;
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = peek(0);
            if (Character.isWhitespace(c)) {
                advance();
            } else if (c == '/' && peek(1) == '/') {
                while (pos < src.length() && peek(0) != '\n') advance();
            } else if (c == '/' && peek(1) == '*') {
                int l = line, k = col;
                advance();
                advance();
                while (pos < src.length() && !(peek(0) == '*' && peek(1) == '/')) advance();
                if (pos >= src.length()) throw new QasmException(file, l, k, "comment opened here is never closed with */");
                advance();
                advance();
            } else {
                return;
            }
        }
    }

    private Token next() {
        skipSpaceAndComments();
        int l = line, k = col;
        if (pos >= src.length()) return new Token(Token.Kind.EOF, "", l, k);
        char c = peek(0);
        if (Character.isLetter(c) || c == '_') {
            StringBuilder sb = new StringBuilder();
            while (Character.isLetterOrDigit(peek(0)) || peek(0) == '_') sb.append(advance());
            return new Token(Token.Kind.IDENT, sb.toString(), l, k);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) return number(l, k);
        if (c == '"') {
            advance();
            StringBuilder sb = new StringBuilder();
            while (pos < src.length() && peek(0) != '"' && peek(0) != '\n') sb.append(advance());
            if (peek(0) != '"') throw new QasmException(file, l, k, "string is not closed with \" on the same line");
            advance();
            return new Token(Token.Kind.STRING, sb.toString(), l, k);
        }
        if (c == '-' && peek(1) == '>') {
            advance();
            advance();
            return new Token(Token.Kind.SYMBOL, "->", l, k);
        }
        if (c == '=' && peek(1) == '=') {
            advance();
            advance();
            return new Token(Token.Kind.SYMBOL, "==", l, k);
        }
        if ("; , ( ) [ ] { } + - * / ^".indexOf(c) >= 0 && c != ' ') {
            advance();
            return new Token(Token.Kind.SYMBOL, Character.toString(c), l, k);
        }
        if (c == '@') {
            throw new QasmException(file, l, k, "gate modifiers with '@' (ctrl @, inv @, pow @) are OpenQASM 3 syntax, which is not supported");
        }
        throw new QasmException(file, l, k, "unexpected character '" + c + "'");
    }

    /** Integer or real: digits [. digits] [e|E [+|-] digits]. */
    private Token number(int l, int k) {
        StringBuilder sb = new StringBuilder();
        boolean real = false;
        while (Character.isDigit(peek(0))) sb.append(advance());
        if (peek(0) == '.') {
            real = true;
            sb.append(advance());
            while (Character.isDigit(peek(0))) sb.append(advance());
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
            real = true;
            sb.append(advance());
            if (peek(0) == '+' || peek(0) == '-') sb.append(advance());
            while (Character.isDigit(peek(0))) sb.append(advance());
        }
        return new Token(real ? Token.Kind.REAL : Token.Kind.INT, sb.toString(), l, k);
    }
}
