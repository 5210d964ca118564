package org.qdl.gnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.qdl.sim.InvalidInputException;

/**
 * Fetches catalogue files into a data directory: streams each URL to a temporary file beside the
 * target while computing its SHA-256, and moves it into place only if the checksum matches (or
 * verification was waived). A file already present with the right checksum is not fetched again.
 * Network failures become one-line errors that say the address could not be reached.
 */
public final class Downloader {
    private static final int TIMEOUT_MS = 20_000;

    private Downloader() {
    }

    /** What happened to one file. */
    public enum Outcome { FETCHED, ALREADY_PRESENT, FETCHED_UNVERIFIED }

    public static Outcome fetch(DownloadCatalog.Item item, Path root, boolean verify, Consumer<String> progress) {
        Path target = root.resolve(item.target()).normalize();
        if (!target.startsWith(root.normalize())) {
            throw new InvalidInputException("download target escapes the data directory: " + item.target());
        }
        if (verify && item.sha256() == null) {
            throw new InvalidInputException("no known checksum for " + item.url() + "; rerun with --no-verify to accept it unchecked");
        }
        Path firstCreated = firstMissing(target.getParent());
        boolean done = false;
        try {
            if (Files.isRegularFile(target) && item.sha256() != null && item.sha256().equals(sha256(target))) {
                done = true;
                return Outcome.ALREADY_PRESENT;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                String got = copy(item.url(), tmp);
                if (verify && !got.equals(item.sha256())) {
                    throw new InvalidInputException("checksum mismatch for " + item.url() + ": expected SHA-256 " + item.sha256()
                            + ", got " + got + " (file discarded)");
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (progress != null) {
                progress.accept("  " + item.target() + " <- " + item.url());
            }
            done = true;
            return verify ? Outcome.FETCHED : Outcome.FETCHED_UNVERIFIED;
        } catch (IOException e) {
            throw new InvalidInputException("cannot download " + item.url() + " (offline or unreachable?): " + e);
        } finally {
            if (!done) removeEmpty(target.getParent(), firstCreated);
        }
    }

    /** The outermost ancestor of dir (dir included) that does not exist yet, or null. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) missing = p;
        return missing;
    }

    /** After a failed fetch: removes the directories this fetch created, innermost first, if still empty. */
    private static void removeEmpty(Path dir, Path firstCreated) {
        if (firstCreated == null) return;
        for (Path p = dir; p != null && p.startsWith(firstCreated); p = p.getParent()) {
            try {
                Files.deleteIfExists(p); // fails (and stops) on a non-empty directory
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Streams url into file; returns the SHA-256 (hex) of the bytes received. */
    private static String copy(String url, Path file) throws IOException {
        URLConnection c;
        try {
            c = URI.create(url).toURL().openConnection();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("bad URL " + url + ": " + e.getMessage());
        }
        c.setConnectTimeout(TIMEOUT_MS);
        c.setReadTimeout(TIMEOUT_MS);
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(c.getInputStream(), md); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
