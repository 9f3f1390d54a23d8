package io.chainretail.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every basket in {@code pricing/golden} prices to exactly the receipt written under its {@code expect}. */
class PromotionGoldenTest {

    private final PromotionEngine engine = new PromotionEngine();

    static List<Path> baskets() throws IOException, URISyntaxException {
        Path folder = Path.of(PromotionGoldenTest.class.getResource("/pricing/golden").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".basket")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baskets")
    void pricesTheBasketExactlyAsWritten(Path file) throws IOException {
        GoldenCase basket = GoldenCase.read(file);
        PricedBasket priced = engine.price(basket.lines(), basket.context(), basket.promotions());
        assertEquals(basket.expected(), GoldenReceipt.print(priced), file.getFileName().toString());
    }
}
