package org.qdl.gnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdl.gnn.SharedData;
import org.qdl.sim.InvalidInputException;

/** Checksum verification and offline errors, with file:// URLs and an unreachable address (no internet). */
class DownloaderTest {
    private static final Path DATA = SharedData.root();

    /** Every catalogue checksum is the SHA-256 of the shared copy that the pinned URL serves. */
    @Test
    void catalogueChecksumsMatchTheSharedFiles() throws IOException {
        DownloadCatalog cat = DownloadCatalog.builtIn();
        assertEquals(java.util.List.of("cora", "MUTAG", "PROTEINS", "IMDB-BINARY", "IMDB-MULTI", "COLLAB"), cat.names());
        int n = 0;
        for (String name : cat.names()) {
            for (DownloadCatalog.Item it : cat.items(name)) {
                assertEquals(it.sha256(), Downloader.sha256(DATA.resolve(it.target())), it.target());
                n++;
            }
        }
        assertEquals(93, n);
    }

    @Test
    void verifiedFetchThenAlreadyPresent(@TempDir Path root) throws IOException {
        DownloadCatalog.Item real = item("MUTAG", "MUTAG/gin_format/MUTAG.txt");
        DownloadCatalog.Item local = new DownloadCatalog.Item(real.target(), DATA.resolve(real.target()).toUri().toString(), real.sha256());
        assertEquals(Downloader.Outcome.FETCHED, Downloader.fetch(local, root, true, null));
        assertArrayEquals(Files.readAllBytes(DATA.resolve(real.target())), Files.readAllBytes(root.resolve(real.target())));
        assertEquals(Downloader.Outcome.ALREADY_PRESENT, Downloader.fetch(local, root, true, null));
        assertEquals(188, Datasets.loadGraphs(root, "MUTAG", null, false, 0).size());
    }

    @Test
    void wrongChecksumIsRejectedAndNothingIsLeft(@TempDir Path root) throws IOException {
        DownloadCatalog.Item real = item("cora", "cora/planetoid/ind.cora.y");
        String wrong = real.sha256().substring(1) + "0";
        DownloadCatalog.Item bad = new DownloadCatalog.Item(real.target(), DATA.resolve(real.target()).toUri().toString(), wrong);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Downloader.fetch(bad, root, true, null));
        assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains(real.sha256()), e.getMessage());
        try (Stream<Path> left = Files.walk(root)) {
            assertFalse(left.anyMatch(Files::isRegularFile), "no partial or unverified file may remain");
        }
        // the same bytes are accepted when verification is waived
        assertEquals(Downloader.Outcome.FETCHED_UNVERIFIED, Downloader.fetch(bad, root, false, null));
        assertEquals(real.sha256(), Downloader.sha256(root.resolve(real.target())));
    }

    @Test
    void unknownChecksumNeedsNoVerify(@TempDir Path root) {
        DownloadCatalog.Item unknown = new DownloadCatalog.Item("X/x.txt", DATA.resolve("MUTAG/README.md").toUri().toString(), null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Downloader.fetch(unknown, root, true, null));
        assertTrue(e.getMessage().contains("--no-verify"), e.getMessage());
        assertFalse(Files.exists(root.resolve("X/x.txt")));
    }

    @Test
    void offlineGivesAOneLineError(@TempDir Path root) {
        // port 1 on the loopback interface: refused at once, no traffic leaves the machine
        DownloadCatalog.Item off = new DownloadCatalog.Item("Y/y.txt", "http://127.0.0.1:1/y.txt", "00");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Downloader.fetch(off, root, true, null));
        assertTrue(e.getMessage().startsWith("cannot download http://127.0.0.1:1/y.txt (offline or unreachable?)"), e.getMessage());
        assertFalse(java.nio.file.Files.exists(root.resolve("Y")), "a failed fetch leaves no directories behind");
        DownloadCatalog.Item missing = new DownloadCatalog.Item("Y/y.txt", root.resolve("nope.txt").toUri().toString(), "00");
        assertThrows(InvalidInputException.class, () -> Downloader.fetch(missing, root, true, null));
        assertThrows(InvalidInputException.class, () -> DownloadCatalog.builtIn().items("NO-SUCH-SET"));
    }

    private static DownloadCatalog.Item item(String set, String target) {
        return DownloadCatalog.builtIn().items(set).stream().filter(i -> i.target().equals(target)).findFirst().orElseThrow();
    }
}
