package io.chainretail.hq;

import io.chainretail.core.config.ConfigCheck;
import io.chainretail.core.config.EffectiveConfig;
import io.chainretail.core.gtin.VariableMeasure;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Currency;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Checks HQ's settings before anything else starts, and fails the start naming every key that is wrong and
 * what to write instead; then logs the settings in force once, secrets masked.
 */
@ApplicationScoped
public class HqConfigCheck {

    private static final Logger LOG = Logger.getLogger(HqConfigCheck.class);

    void onStart(@Observes @Priority(1) StartupEvent event, HqConfig config) {
        check(config).orFail("HQ");
        LOG.infof("Configuration: %s", EffectiveConfig.describe(ConfigProvider.getConfig(), HqConfig.class, "hq"));
    }

    static ConfigCheck check(HqConfig config) {
        ConfigCheck check = new ConfigCheck()
                .matches(config.chain(), "[A-Za-z0-9_-]{1,32}", "hq.chain", "a chain code (letters, digits, '-', '_')")
                .parses(config.currency(), Currency::getInstance, "hq.currency")
                .between(config.broker().port(), 0, 65_535, "hq.broker.port")
                .between(config.broker().tls().port(), 0, 65_535, "hq.broker.tls.port")
                .between(config.mqtt().window(), 1, 65_535, "hq.mqtt.window")
                .between(config.mqtt().receiveMaximum(), 1, 65_535, "hq.mqtt.receive-maximum")
                .positive(config.outbox().poll(), "hq.outbox.poll")
                .atLeast(config.outbox().batch(), 1, "hq.outbox.batch")
                .atLeast(config.ingest().batch(), 1, "hq.ingest.batch")
                .atLeast(config.ingest().maxMessageBytes(), 1_024, "hq.ingest.max-message-bytes")
                .atLeast(config.ingest().maxEventBytes(), 1_024, "hq.ingest.max-event-bytes")
                .atLeast(config.http().maxBodyBytes(), 1_024, "hq.http.max-body-bytes")
                .atLeast(config.http().maxImportBytes(), 1_024, "hq.http.max-import-bytes")
                .positive(config.sync().offlineAfter(), "hq.sync.offline-after")
                .positive(config.sync().retention(), "hq.sync.retention")
                .positive(config.sync().retentionCheck(), "hq.sync.retention-check")
                // A store drops a reply that does not fit beside the deltas already waiting (at most 10,000).
                .between(config.sync().replyBatch(), 1, 5_000, "hq.sync.reply-batch")
                .atLeast(config.sync().snapshotChunk(), 1, "hq.sync.snapshot-chunk")
                .between(config.pricing().defaultPriceOverrideMaxBp(), 0, 10_000,
                        "hq.pricing.default-price-override-max-bp")
                .atLeast(config.auth().maxFailedSignins(), 1, "hq.auth.max-failed-signins")
                .atLeast(config.auth().minPasswordLength(), 8, "hq.auth.min-password-length")
                .positive(config.auth().lockout(), "hq.auth.lockout")
                .positive(config.auth().sessionTimeout(), "hq.auth.session-timeout")
                .positive(config.shutdownGrace(), "hq.shutdown-grace")
                .atLeast(config.demo().products(), 0, "hq.demo.products")
                .parses(config.catalog().variableMeasure(), VariableMeasure::parse, "hq.catalog.variable-measure");
        config.mqtt().url().ifPresent(urls -> urls.forEach(url -> check.url(url, "hq.mqtt.url", true, "tcp", "ssl")));
        check.require(config.sync().snapshotRatio() > 0 && config.sync().snapshotRatio() <= 1,
                "hq.sync.snapshot-ratio", config.sync().snapshotRatio() + " must be above 0 and at most 1");
        check.require(config.ingest().maxEventBytes() <= config.ingest().maxMessageBytes(),
                "hq.ingest.max-event-bytes", config.ingest().maxEventBytes()
                        + " must not exceed hq.ingest.max-message-bytes (" + config.ingest().maxMessageBytes() + ")");
        return check;
    }
}
