package org.qdl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.qdl.net.bench.NetworkBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qdl party bench}: prints {@link NetworkBench}'s figures as a table or JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark remote (gRPC on loopback) against in-process inference, and register-transfer throughput.")
public final class NetBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--qubits"}, defaultValue = "20", description = "Data qubits of the inference. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = {"-L", "--layers"}, defaultValue = "4", description = "Layers (alternating alice, bob). Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--shots", defaultValue = "1000", description = "Shots. Default: ${DEFAULT-VALUE}.")
    int shots;

    @Option(names = "--repeats", defaultValue = "7", description = "Timed rounds (after one warm-up); each round runs every setting once. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--transfer-qubits", defaultValue = "24", description = "Register width of the throughput test (0: skip). Default: ${DEFAULT-VALUE}.")
    int transferQubits;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        print(NetworkBench.run(n, layers, shots, repeats, transferQubits, spec.commandLine().getErr()));
        return Main.OK;
    }

    private void print(ObjectNode o) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(o.toPrettyString());
            return;
        }
        w.printf("inference n=%d, L=%d, %d shots (%d rounds, settings interleaved; servers in this JVM on 127.0.0.1, %d CPUs)%n",
                n, layers, shots, repeats, o.get("cpus").asInt());
        w.printf("  %-20s %9s %9s %9s %9s %9s %14s%n", "", "median s", "min s", "CPU s", "×median", "×min", "wire bytes");
        for (String k : new String[] {"inProcess", "directSharedSecret", "directMutualTls", "relaySharedSecret"}) {
            boolean base = k.equals("inProcess");
            w.printf("  %-20s %9.3f %9.3f %9.3f %9s %9s %14s%n", k, o.get(k + "Seconds").asDouble(), o.get(k + "MinSeconds").asDouble(),
                    o.get(k + "CpuSeconds").asDouble(), base ? "1" : String.format("%.2f", o.get(k + "Ratio").asDouble()),
                    base ? "1" : String.format("%.2f", o.get(k + "MinRatio").asDouble()), base ? "0" : o.get(k + "WireBytes").asText());
        }
        w.println("  outcomes of every remote run identical to in-process");
        if (o.has("transferQubits")) {
            w.printf("transfer of one 2^%d-amplitude register (%d payload bytes) alice→bob, best of 3%n",
                    o.get("transferQubits").asInt(), o.get("transferPayloadBytes").asLong());
            for (String m : new String[] {"DirectSharedSecret", "DirectMutualTls", "RelaySharedSecret"}) {
                w.printf("  %-20s %8.3f s %12d wire bytes %7.0f MiB/s of amplitudes %7.0f MiB/s on the wire%n", m,
                        o.get("transfer" + m + "Seconds").asDouble(), o.get("transfer" + m + "WireBytes").asLong(),
                        o.get("transfer" + m + "PayloadMiBPerSecond").asDouble(), o.get("transfer" + m + "MiBPerSecond").asDouble());
            }
        }
    }
}
