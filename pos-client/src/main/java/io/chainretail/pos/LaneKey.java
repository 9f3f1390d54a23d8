package io.chainretail.pos;

import io.chainretail.core.till.TillApi;
import io.chainretail.core.till.TillCall;
import io.chainretail.pos.AgentClient.AgentReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The key that lets this till sign cashiers in at its lane. The store agent gives it once, for a one-time
 * code the manager issued ({@link #pair}); the till keeps it in a file only its own user can read, or is
 * given it as {@code pos.lane-key}. Without it the agent refuses every sign-in (LANE_NOT_PAIRED).
 */
@ApplicationScoped
public class LaneKey {

    private static final Logger LOG = Logger.getLogger(LaneKey.class);

    private final AgentClient agent;
    private final PosConfig config;
    private final Path file;
    private String key;
    /** The configured pairing code, until it has been tried. */
    private String pendingCode;

    public LaneKey(AgentClient agent, PosConfig config) {
        this.agent = agent;
        this.config = config;
        this.file = Path.of(config.dataDir(), "lane-" + config.lane() + ".key");
        this.key = config.laneKey().filter(value -> !value.isBlank()).orElseGet(this::read);
        this.pendingCode = config.pairingCode().filter(code -> !code.isBlank()).orElse(null);
    }

    /** The lane's key; pairs first with the configured code when there is none yet. */
    public synchronized Optional<String> key() {
        if (key == null && pendingCode != null) {
            try {
                AgentReply reply = pair(pendingCode);
                if (!reply.ok()) {
                    LOG.errorf("The store agent refused pos.pairing-code for lane %s: %s Ask the manager for a"
                            + " new code and type it at the lane.", config.lane(), reply.body().path("message"));
                }
                pendingCode = null;
            } catch (AgentClient.AgentUnreachableException e) {
                // Tried again on the next sign-in.
            }
        }
        return Optional.ofNullable(key);
    }

    public synchronized boolean paired() {
        return key().isPresent();
    }

    /** Trades a one-time code for the lane's key and keeps it; the agent's refusal comes back as it is. */
    public synchronized AgentReply pair(String code) {
        AgentReply reply = agent.call(TillCall.PAIR, new TillApi.Pair(config.lane(), code), null);
        if (reply.ok()) {
            key = reply.body().path("key").asText();
            write(key);
            LOG.infof("Lane %s is paired with the store agent", config.lane());
        }
        return reply;
    }

    /** The agent no longer takes the key (the lane was unpaired, or paired on another machine). */
    public synchronized void forget() {
        key = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lane key " + file, e);
        }
    }

    private void write(String value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, value, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the lane key in " + file, e);
        }
    }
}
