package io.chainretail.e2e.bench;

import io.chainretail.core.sync.ReplicaHash;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The least an agent could do with a snapshot, timed in a JVM started for it, as an agent meets its first
 * snapshot: decode each message, turn each row into its canonical JSON and hash it (as {@code SnapshotRows}
 * does), and put the rows and barcodes into bare MVStore maps committed every 1,000 and synced once. No
 * SQL, no broker, no HQ. {@link #run} starts it in fresh JVMs with the agent's heap and reads what they timed.
 */
final class ColdSnapshotFloor {

    /** Seconds in a fresh JVM: decoding and hashing alone, and with the MVStore puts too (another fresh JVM). */
    record Seconds(double decodeAndHash, double withKeyValues) {
    }

    private ColdSnapshotFloor() {
    }

    /** Writes the messages to a file and times them twice, each time in a fresh JVM. */
    static Seconds run(List<byte[]> messages) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("target"), "cold-floor-");
        Path file = dir.resolve("replies.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            for (byte[] message : messages) {
                out.writeInt(message.length);
                out.write(message);
            }
        }
        return new Seconds(inFreshJvm(file, null), inFreshJvm(file, dir.resolve("replica.mv")));
    }

    private static double inFreshJvm(Path messages, Path mvStore) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ColdSnapshotFloor.class.getName(), messages.toString()));
        if (mvStore != null) {
            command.add(mvStore.toString());
        }
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes()).trim();
        if (java.waitFor() != 0) {
            throw new IllegalStateException("the cold floor failed: " + output);
        }
        return Double.parseDouble(output.lines().reduce((first, last) -> last).orElseThrow());
    }

    /**
     * Arguments: the messages' file and, to put the rows into maps too, an MVStore file. Prints the seconds
     * from the first message decoded to the last row hashed (and synced) on its last line.
     */
    public static void main(String[] args) throws Exception {
        List<byte[]> messages = read(Path.of(args[0]));
        long started = System.nanoTime();
        if (args.length == 1) {
            decodeAndHash(messages, null, null);
        } else {
            MVStore store = new MVStore.Builder().fileName(args[1]).autoCommitDisabled().open();
            try {
                decodeAndHash(messages, store.openMap("records"), store.openMap("barcodes"));
                store.sync();
            } finally {
                store.close();
            }
        }
        System.out.printf("%.3f%n", (System.nanoTime() - started) / 1e9);
    }

    private static void decodeAndHash(List<byte[]> messages, MVMap<String, String> records,
            MVMap<String, String> barcodes) throws Exception {
        ReplicaHash hash = new ReplicaHash();
        int[] pending = {0};
        SnapshotReplies.forEachRow(messages, (row, codes) -> {
            hash.add(row.schemaId(), row.key(), row.payload());
            if (records != null) {
                records.put(row.schemaId() + '\t' + row.key(), row.payload());
                codes.forEach(code -> barcodes.put(code, row.key()));
                if (++pending[0] % 1_000 == 0) {
                    records.getStore().commit(); // as the other MVStore floor commits
                }
            }
        });
        if (hash.value().isEmpty()) {
            throw new AssertionError("unreachable: keeps the hash from being optimised away");
        }
    }

    private static List<byte[]> read(Path file) throws IOException {
        List<byte[]> messages = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            while (data.available() > 0) {
                messages.add(data.readNBytes(data.readInt()));
            }
        }
        return messages;
    }
}
