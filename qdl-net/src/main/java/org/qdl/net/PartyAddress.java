package org.qdl.net;

import org.qdl.sim.InvalidInputException;

/** Where a party listens: {@code NAME=HOST:PORT} on the command line. */
public record PartyAddress(String party, String host, int port) {
    public PartyAddress {
        if (port < 0 || port > 65535) throw new InvalidInputException("port of party " + party + " must be in 0..65535, got " + port);
    }

    /** Parses {@code bob=127.0.0.1:7001} (an IPv6 host goes in brackets: {@code bob=[::1]:7001}). */
    public static PartyAddress parse(String text) {
        PartyAddress a = parseAny(text);
        if (a.port == 0) throw new InvalidInputException("party address '" + text + "' needs a port (1..65535), not 0");
        return a;
    }

    private static PartyAddress parseAny(String text) {
        int eq = text.indexOf('=');
        int colon = text.lastIndexOf(':');
        if (eq < 1 || colon < eq + 2 || colon == text.length() - 1) {
            throw new InvalidInputException("party address '" + text + "' must look like NAME=HOST:PORT, e.g. bob=127.0.0.1:7001");
        }
        String host = text.substring(eq + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        try {
            return new PartyAddress(text.substring(0, eq), host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("party address '" + text + "' has a bad port '" + text.substring(colon + 1) + "'");
        }
    }

    /** Parses a listen address {@code HOST:PORT}; port 0 means any free port. */
    public static PartyAddress listen(String party, String hostPort) {
        return parseAny(party + "=" + hostPort);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
