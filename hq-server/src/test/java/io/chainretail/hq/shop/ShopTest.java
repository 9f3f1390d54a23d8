package io.chainretail.hq.shop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.TestStore;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customers' shop, with no session: the stores nearest first, a store's products at its prices with its
 * promotions and free stock, a cart priced by the tills' engine, an order placed once however often the page sends
 * it, followed with its pickup code and QR code, at most so many an hour from one address; nonsense refused.
 */
@QuarkusTest
class ShopTest {

    private static boolean stocked;
    private static String admin;

    @Inject
    EmbeddedBroker broker;

    @Inject
    HqConfig config;

    @TestHTTPResource("/")
    URL base;

    @Inject
    BrokerAccounts accounts;

    @BeforeEach
    void aStoreWithTea() throws Exception {
        if (stocked) {
            return;
        }
        admin = given().contentType(ContentType.JSON).body("{\"username\":\"admin\",\"password\":"
                + "\"test-admin-password\"}").post("/api/auth/signin").then().statusCode(200).extract().path("token");
        put(admin, "/api/tax-classes/VAT13", "{\"code\":\"VAT13\",\"name\":\"VAT 13%\",\"rateBp\":1300,"
                + "\"inclusive\":true}");
        put(admin, "/api/stores/SH-1", "{\"code\":\"SH-1\",\"name\":\"上海南京路店\",\"currency\":\"CNY\"}");
        put(admin, "/api/stores/SH-1/delivery-area", "{\"latitude\":31.235,\"longitude\":121.475,"
                + "\"radiusMetres\":3000}");
        put(admin, "/api/products/SH-TEA", "{\"sku\":\"SH-TEA\",\"name\":\"碧螺春 Biluochun tea\",\"barcodes\":[],"
                + "\"priceMinor\":5000,\"taxClass\":\"VAT13\"}");
        put(admin, "/api/promotions/P-SHTEA", "{\"code\":\"P-SHTEA\",\"name\":\"茶叶九折 Tea 10% off\",\"active\":true,"
                + "\"type\":\"PERCENT_OFF\",\"items\":{\"skus\":[\"SH-TEA\"]},\"percentOffBp\":1000,"
                + "\"targets\":{\"chain\":true},\"schedule\":{\"from\":\"2026-01-01T00:00\","
                + "\"to\":\"2099-01-01T00:00\"},\"priority\":5}");
        try (TestStore store = new TestStore(broker, accounts, "SH-1")) {
            Instant now = Instant.now();
            StockAdjusted received = new StockAdjusted(EventIds.next().toString(), "SH-TEA",
                    StockAdjusted.Kind.RECEIVED, 3, null, "DN", "9001", now);
            store.publish("stock", new SyncCodec().encode(new Envelope<>(MessageSchema.STOCK_ADJUSTED,
                    EventIds.next(), "demo", "SH-1", null, 1L, now, received)));
            store.nextAck();
        }
        stocked = true;
    }

    @Test
    void aCustomerFindsTeaAtTheStoreOrdersItOnceAndFollowsIt() {
        given().queryParam("latitude", 31.23).queryParam("longitude", 121.47).get("/api/shop/stores").then()
                .statusCode(200).body("[0].code", equalTo("SH-1")).body("[0].delivers", equalTo(true));
        given().queryParam("q", "碧螺春").get("/api/shop/stores/SH-1/products").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].priceMinor", equalTo(5000)).body("[0].payMinor", equalTo(4500))
                .body("[0].promotions[0]", equalTo("茶叶九折 Tea 10% off")).body("[0].available", equalTo(3));
        given().contentType(ContentType.JSON).body("{\"lines\":[{\"sku\":\"SH-TEA\",\"quantity\":2}]}")
                .post("/api/shop/stores/SH-1/cart").then().statusCode(200).body("totalMinor", equalTo(9000))
                .body("savingMinor", equalTo(1000));

        String order = "{\"orderKey\":\"c0ffee00-0001\",\"fulfilment\":\"PICKUP\",\"store\":\"SH-1\","
                + "\"name\":\"张伟\",\"phone\":\"13900000000\",\"lines\":[{\"sku\":\"SH-TEA\",\"quantity\":2}]}";
        String orderId = place(order).statusCode(201).body("state", equalTo("PLACED"))
                .body("paid", equalTo(false)).body("totalMinor", equalTo(9000)).extract().path("orderId");
        place(order).statusCode(200).body("orderId", equalTo(orderId));
        given().get("/api/shop/stores/SH-1/products?q=SH-TEA").then().body("[0].available", equalTo(1));
        place(order.replace("c0ffee00-0001", "c0ffee00-0002")).statusCode(409)
                .body("code", equalTo("NOT_ENOUGH_STOCK"));
        given().get("/api/shop/orders/" + orderId).then().statusCode(200).body("storeName", equalTo("上海南京路店"))
                .body("pickupCode", org.hamcrest.Matchers.matchesPattern("\\d{8}"));
        given().get("/api/shop/orders/" + orderId + "/pickup-code.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).body(containsString("<path"));
    }

    @Test
    void refusesWhatIsNotAnOrder() {
        given().get("/api/shop/orders/no-such-order").then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
        String appOrder = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"channel\":\"app\","
                + "\"channelOrderId\":\"app-sh-1\",\"fulfilment\":\"PICKUP\",\"store\":\"SH-1\",\"customer\":"
                + "{\"name\":\"李娜\"},\"lines\":[{\"sku\":\"SH-TEA\",\"quantity\":1}],\"prepaid\":true}")
                .post("/api/orders").then().statusCode(201).extract().path("orderId");
        given().get("/api/shop/orders/" + appOrder + "/pickup-code.svg").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_ORDER"));
        cancel(appOrder); // its unit is free again for the other tests of this class
        given().get("/api/shop/stores/NOPE/products").then().statusCode(404).body("code", equalTo("UNKNOWN_STORE"));
        place("{\"orderKey\":\"c0ffee00-0003\",\"fulfilment\":\"PICKUP\",\"store\":\"SH-1\",\"name\":\"张伟\","
                + "\"phone\":\"139\",\"lines\":[{\"sku\":\"SH-TEA\",\"quantity\":-1}]}").statusCode(400)
                .body("code", equalTo("INVALID_FIELD"));
        place("{\"orderKey\":\"x\",\"fulfilment\":\"PICKUP\"}").statusCode(400);
        given().contentType(ContentType.JSON).body("{\"lines\":[{\"sku\":\"NO-SUCH\",\"quantity\":1}]}")
                .post("/api/shop/stores/SH-1/cart").then().statusCode(404).body("code", equalTo("UNKNOWN_PRODUCT"));
    }

    @Test
    void anAddressPlacesAtMostItsShareOfOrdersAnHour() throws IOException {
        String from = "127.0.0.2"; // a customer of this test's own: the shop counts orders by address
        int share = config.shop().ordersPerHour();
        for (int i = 1; i <= share; i++) {
            String reply = placeFrom(from, oneTea("limit-" + (1000 + i)));
            assertTrue(reply.startsWith("HTTP/1.1 201"), reply);
            cancel(orderIdIn(reply)); // its unit is free again for the next
        }
        String refused = placeFrom(from, oneTea("limit-" + (1001 + share)));
        assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
        assertTrue(refused.contains("TOO_MANY_ORDERS") && refused.contains("try again in"), refused);
        assertTrue(placeFrom(from, oneTea("limit-" + (1000 + share))).startsWith("HTTP/1.1 200"),
                "the same order sent again is answered");
        cancel(place(oneTea("limit-elsewhere")).statusCode(201).extract().path("orderId"));
    }

    private static String oneTea(String orderKey) {
        return "{\"orderKey\":\"" + orderKey + "\",\"fulfilment\":\"PICKUP\",\"store\":\"SH-1\",\"name\":\"张伟\","
                + "\"phone\":\"13900000000\",\"lines\":[{\"sku\":\"SH-TEA\",\"quantity\":1}]}";
    }

    /** Places a shop order as a customer at {@code from} (a loopback address) would: the reply, whole. */
    private String placeFrom(String from, String body) throws IOException {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/shop/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String orderIdIn(String reply) {
        Matcher id = Pattern.compile("\"orderId\":\"([^\"]+)\"").matcher(reply);
        assertTrue(id.find(), reply);
        return id.group(1);
    }

    private static void cancel(String orderId) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reason\":\"test\"}")
                .post("/api/orders/" + orderId + "/cancel").then().statusCode(200);
    }

    private static ValidatableResponse place(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/shop/orders").then();
    }

    private static void put(String token, String path, String body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then().log().ifValidationFails()
                .statusCode(200);
    }
}
