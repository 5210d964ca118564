package org.qdl.cli.options;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.ITypeConverter;

/**
 * Picocli's conversion of an option whose value is one of a few spellings. A value outside them is
 * an input error with the option's own one-line message ({@code Main} prints it as it prints every
 * other input error, exit 2), not picocli's list of enum constant names.
 */
public class Choices<E> implements ITypeConverter<E> {
    private final String message;
    private final Map<String, E> bySpelling;
    private final boolean ignoreCase;

    /** {@code message} is a format with one {@code %s}, the value given. */
    protected Choices(String message, Map<String, E> bySpelling, boolean ignoreCase) {
        this.message = message;
        this.bySpelling = bySpelling;
        this.ignoreCase = ignoreCase;
    }

    protected Choices(String message, Map<String, E> bySpelling) {
        this(message, bySpelling, false);
    }

    /** The constants of an enum by their {@code toString()}, the spelling on the command line (and in completion). */
    protected static <E extends Enum<E>> Map<String, E> spelled(Class<E> type) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) m.put(e.toString(), e);
        return m;
    }

    @Override
    public E convert(String value) {
        E e = bySpelling.get(ignoreCase ? value.toUpperCase(Locale.ROOT) : value);
        if (e == null) throw new InvalidInputException(String.format(message, value));
        return e;
    }
}
