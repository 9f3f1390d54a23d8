package io.chainretail.hq.identity;

import io.chainretail.hq.HqConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * A new HQ has one user, {@code admin} (hq-admin), so someone can sign in and create the rest: with
 * {@code hq.auth.admin-password} if set, else a random password written to
 * {@code <data-dir>/admin-password.txt} (mode 600) for the operator to read once and delete.
 */
@Singleton
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final HqConfig config;
    private final Identities identities;

    public FirstAdmin(HqConfig config, Identities identities) {
        this.config = config;
        this.identities = identities;
    }

    void onStart(@Observes @Priority(2) StartupEvent event) throws IOException {
        if (identities.count() > 0) {
            return;
        }
        String password = config.auth().adminPassword().orElse(null);
        if (password == null) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path file = Path.of(config.dataDir(), "admin-password.txt");
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            }
            Files.writeString(file, password + System.lineSeparator());
            LOG.warnf("Created the first HQ admin 'admin'; its password is in %s. Sign in, create named users, "
                    + "then delete the file.", file.toAbsolutePath());
        } else {
            LOG.infof("Created the first HQ admin 'admin' with the password from hq.auth.admin-password");
        }
        identities.save("admin", "HQ administrator", Role.ADMIN, null, password, true);
    }
}
