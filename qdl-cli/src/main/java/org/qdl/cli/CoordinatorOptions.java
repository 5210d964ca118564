package org.qdl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qdl.cli.options.Choices;
import org.qdl.net.ClientSettings;
import org.qdl.net.Coordinator;
import org.qdl.net.GrpcTransport;
import org.qdl.net.PartyAddress;
import org.qdl.net.PartyState;
import org.qdl.sim.InvalidInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of a coordinator command (qdl infer, qdl train, qdl party infer): which parties are
 * remote (--party NAME=HOST:PORT) or in-process from a state directory (--local NAME=DIR), how to
 * authenticate to them, the deadline of every call and the route of party-to-party transfers.
 */
public final class CoordinatorOptions {
    @Option(names = "--party", paramLabel = "NAME=HOST:PORT", description = "A remote party served by 'qdl party serve' (repeatable).")
    List<String> remote = new ArrayList<>();

    @Option(names = "--local", paramLabel = "NAME=DIR", description = "An in-process party from DIR/party.json (repeatable).")
    List<String> local = new ArrayList<>();

    @ArgGroup(exclusive = false, multiplicity = "0..1", heading = "Authentication to remote parties (one of; needed with --party):%n")
    NetSecurityOptions security;

    @Option(names = "--client", defaultValue = "coordinator", description = "This coordinator's identity. Default: ${DEFAULT-VALUE}.")
    String client;

    @Option(names = "--deadline", defaultValue = "30", description = "Deadline of every call to a party, seconds. Default: ${DEFAULT-VALUE}.")
    double deadlineSeconds;

    @Option(names = "--route", defaultValue = "direct", converter = RouteSpelling.class, description = "How registers travel between remote parties:"
            + " direct (party to party) or relay (through this coordinator). Default: ${DEFAULT-VALUE}.")
    GrpcTransport.Route route;

    static final class RouteSpelling extends Choices<GrpcTransport.Route> {
        RouteSpelling() {
            super("--route must be direct or relay, got '%s'", Map.of("direct", GrpcTransport.Route.DIRECT, "relay", GrpcTransport.Route.RELAY));
        }
    }

    /** Whether any party was named (else the command builds its parties in this process). */
    public boolean anyParty() {
        return !remote.isEmpty() || !local.isEmpty();
    }

    /** Names of the parties given with --party or --local. */
    public List<String> partyNames() {
        List<String> names = new ArrayList<>();
        for (String r : remote) names.add(PartyAddress.parse(r).party());
        for (String l : local) names.add(pair(l, "--local", "=")[0]);
        return names;
    }

    /** Connects to the remote parties and builds the local ones; the caller closes it. */
    public Coordinator connect() throws IOException {
        if (!(deadlineSeconds > 0)) throw new InvalidInputException("--deadline must be positive, got " + deadlineSeconds);
        List<PartyAddress> addresses = new ArrayList<>();
        for (String r : remote) addresses.add(PartyAddress.parse(r));
        List<PartyState> states = new ArrayList<>();
        for (String l : local) {
            String[] kv = pair(l, "--local", "=");
            PartyState s = PartyState.load(Path.of(kv[1]));
            if (!s.name().equals(kv[0])) throw new InvalidInputException("--local " + l + ": " + kv[1] + " describes party '" + s.name() + "'");
            states.add(s);
        }
        if (!addresses.isEmpty() && security == null) throw new InvalidInputException("remote parties need --tls-dir or --secret-file");
        ClientSettings settings = new ClientSettings(security == null ? null : security.security(client), client,
                Duration.ofMillis(Math.round(deadlineSeconds * 1000)));
        return Coordinator.connect(addresses, states, settings, route);
    }

    static String[] pair(String text, String option, String sep) {
        int i = text.indexOf(sep);
        if (i < 1 || i == text.length() - 1) throw new InvalidInputException(option + " '" + text + "' must look like A" + sep + "B");
        return new String[] {text.substring(0, i), text.substring(i + 1)};
    }
}
