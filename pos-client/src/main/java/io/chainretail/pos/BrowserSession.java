package io.chainretail.pos;

import io.chainretail.core.security.Secrets;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * The cookie that ties the lane's signed-in cashier to the browser that signed in: HttpOnly (the page's
 * scripts never read it), SameSite=Strict (no other site's page can send it), and named after the till's
 * port, since browsers share cookies between the ports of one machine and a demo runs several tills on one.
 * The lane keeps only a hash of its value.
 */
public final class BrowserSession {

    private BrowserSession() {
    }

    /** The cookie's name for a request to this till. */
    public static String cookieName(UriInfo uri) {
        int port = uri.getRequestUri().getPort();
        return port < 0 ? "pos_session" : "pos_session_" + port;
    }

    /** A new, unguessable session value. */
    public static String newValue() {
        return Secrets.newToken();
    }

    /** The cookie the request carries, or null. */
    public static String valueOf(Map<String, Cookie> cookies, UriInfo uri) {
        Cookie cookie = cookies == null ? null : cookies.get(cookieName(uri));
        return cookie == null ? null : cookie.getValue();
    }

    /** The Set-Cookie that gives the browser {@code value}; an empty value with max-age 0 forgets it. */
    public static NewCookie cookie(UriInfo uri, String value) {
        return new NewCookie.Builder(cookieName(uri)).value(value == null ? "" : value).path("/")
                .httpOnly(true).secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT).maxAge(value == null ? 0 : NewCookie.DEFAULT_MAX_AGE).build();
    }

    /** What the lane keeps of a session value: its SHA-256, so a heap dump or log gives no session away. */
    public static String hash(String value) {
        return Secrets.sha256(value);
    }
}
