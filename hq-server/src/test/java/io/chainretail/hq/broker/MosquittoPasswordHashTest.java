package io.chainretail.hq.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Our hashes are Mosquitto's: a line written by mosquitto_passwd verifies here, and ours verify too. */
class MosquittoPasswordHashTest {

    @Test
    void verifiesAHashWrittenByMosquittoPasswd() {
        // mosquitto_passwd -c -b passwd store-0001 secret (Mosquitto 2.0.11)
        String written = "$7$101$Jb5t6bclH31/9Gfc$YiaKwCI6rFZ2Ncz3YneTQ5xzMFLLi/JRPPjD4LbkdNBzFLSLVgCdsLY0YjZCxibLo0g"
                + "dwu6SOaT+VyRbeqEy5Q==";
        assertTrue(MosquittoPasswordHash.matches("secret", written));
        assertFalse(MosquittoPasswordHash.matches("Secret", written));
    }

    @Test
    void hashesWithASaltAndRefusesWhatIsNotAHash() {
        String password = MosquittoPasswordHash.newPassword();
        String one = MosquittoPasswordHash.hash(password);
        assertTrue(one.startsWith("$7$" + MosquittoPasswordHash.ITERATIONS + "$"), one);
        assertNotEquals(one, MosquittoPasswordHash.hash(password), "a new salt each time");
        assertTrue(MosquittoPasswordHash.matches(password, one));
        assertFalse(MosquittoPasswordHash.matches("", one));
        assertFalse(MosquittoPasswordHash.matches(password, "$6$plain"));
        assertFalse(MosquittoPasswordHash.matches(password, null));
        assertFalse(MosquittoPasswordHash.matches(password, "$7$10$not base64!$also not"));
    }
}
