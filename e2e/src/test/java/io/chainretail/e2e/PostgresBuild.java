package io.chainretail.e2e;

import java.util.Comparator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * HQ for PostgreSQL, made the way an operator makes it (docs/operator-guide.md): a copy of the
 * packaged mutable jar, re-augmented once with {@code quarkus.datasource.db-kind=postgresql}.
 */
final class PostgresBuild {

    private static Path jar;

    private PostgresBuild() {
    }

    static synchronized Path hqJar(Path root) throws IOException, InterruptedException {
        if (jar != null) {
            return jar;
        }
        Path source = root.resolve("hq-server/target/quarkus-app");
        Path target = root.resolve("e2e/target/hq-postgresql/quarkus-app");
        copy(source, target);
        Path log = root.resolve("e2e/target/hq-postgresql/rebuild.log");
        Process rebuild = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.launch.rebuild=true", "-Dquarkus.datasource.db-kind=postgresql", "-jar",
                target.resolve("quarkus-run.jar").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (rebuild.waitFor() != 0) {
            throw new IllegalStateException("re-augmenting HQ for PostgreSQL failed; see " + log);
        }
        jar = target.resolve("quarkus-run.jar");
        return jar;
    }

    private static void copy(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
