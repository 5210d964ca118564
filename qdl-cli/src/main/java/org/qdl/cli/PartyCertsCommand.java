package org.qdl.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.qdl.net.CertificateAuthority;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qdl party certs}: a small CA and one certificate per party for mutual TLS. */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = "Make a CA and, for each name, a key and certificate (CN = name) for mutual TLS between parties and coordinator.")
public final class PartyCertsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write ca.pem, ca.key, NAME.pem, NAME.key into.")
    Path out;

    @Option(names = "--parties", required = true, split = ",", paramLabel = "NAME",
            description = "Parties and clients to certify, e.g. alice,bob,coordinator.")
    List<String> parties;

    @Option(names = "--hosts", split = ",", defaultValue = "localhost,127.0.0.1", paramLabel = "HOST",
            description = "DNS names / IP addresses the party servers are reached at. Default: ${DEFAULT-VALUE}.")
    List<String> hosts;

    @Option(names = "--days", defaultValue = "365", description = "Validity in days. Default: ${DEFAULT-VALUE}.")
    int days;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 36500) throw new org.qdl.sim.InvalidInputException("--days must lie in 1..36500 (100 years), got " + days);
        for (String h : hosts) {
            if (!h.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                throw new org.qdl.sim.InvalidInputException("--hosts: '" + h + "' is neither a DNS name nor an IP address");
            }
        }
        List<Path> files = CertificateAuthority.writeDeployment(out, parties, hosts, Duration.ofDays(days));
        for (Path f : files) spec.commandLine().getOut().println(f);
        spec.commandLine().getErr().println("qdl party certs: give each process only its own NAME.pem/NAME.key and ca.pem; keep ca.key offline.");
        return 0;
    }
}
