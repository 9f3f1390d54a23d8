package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chainretail.core.gtin.Gtin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * TLS as an operator sets it up (docs/operator-guide.md): HQ's HTTPS port and the embedded broker's
 * {@code ssl://} listener with a certificate from keytool, and a store agent that trusts that certificate
 * and receives the catalog over TLS. A client without the certificate's authority is refused.
 */
class TlsIT {

    private static final String PASSWORD = "e2e-tls-password";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void storeSyncsOverTlsAndHqAnswersHttps() throws Exception {
        try (RetailSystem system = new RetailSystem("tls")) {
            assumeTrue(system.embeddedBroker(), "TLS here is the embedded broker's; an external one has its own");
            Path dir = Files.createDirectories(Path.of("target/tls"));
            Path keyStore = dir.resolve("hq.p12");
            Path trustStore = dir.resolve("trust.p12");
            makeCertificate(dir, keyStore, trustStore);

            int brokerTlsPort = AppProcess.freePort();
            int httpsPort = AppProcess.freePort();
            AppProcess hq = system.startHq(Map.of(
                    "hq.broker.tls.key-store", keyStore.toAbsolutePath().toString(),
                    "hq.broker.tls.key-store-password", PASSWORD,
                    "hq.broker.tls.host", "127.0.0.1",
                    "hq.broker.tls.port", Integer.toString(brokerTlsPort),
                    "quarkus.http.ssl-port", Integer.toString(httpsPort),
                    "quarkus.http.ssl.certificate.key-store-file", keyStore.toAbsolutePath().toString(),
                    "quarkus.http.ssl.certificate.key-store-password", PASSWORD));
            AppProcess agent = system.startAgent("0001", Map.of(
                    "agent.mqtt.url", "ssl://127.0.0.1:" + brokerTlsPort,
                    "agent.mqtt.trust-store", trustStore.toAbsolutePath().toString(),
                    "agent.mqtt.trust-store-password", PASSWORD));

            String barcode = Gtin.withCheckDigit("481" + String.format("%09d", System.nanoTime() % 1_000_000_000));
            Http.Reply created = Http.post(hq.url() + "/api/products", "{\"sku\":\"TLS-" + barcode
                    + "\",\"name\":\"Sparkling water\",\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":300}");
            assertEquals(200, created.status(), created.body().toString());
            Eventually.await("the store received the product over TLS", PATIENCE,
                    () -> Http.get(agent.url() + "/api/products/by-barcode/" + barcode).status() == 200);

            String https = "https://127.0.0.1:" + httpsPort + "/q/health/live";
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(trustStore)).build();
            assertEquals(200, trusting.send(HttpRequest.newBuilder(URI.create(https)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpClient stranger = HttpClient.newHttpClient();
            assertThrows(IOException.class, () -> stranger.send(HttpRequest.newBuilder(URI.create(https)).build(),
                    HttpResponse.BodyHandlers.ofString()), "a client that does not trust the authority is refused");
        }
    }

    /** A self-signed certificate for 127.0.0.1 in a PKCS12 key store, and a trust store with it. */
    private static void makeCertificate(Path dir, Path keyStore, Path trustStore) throws Exception {
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(trustStore);
        Path certificate = dir.resolve("hq.crt");
        keytool("-genkeypair", "-alias", "hq", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "hq", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "hq", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    }

    private static void keytool(String... arguments) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    private static SSLContext trusting(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
