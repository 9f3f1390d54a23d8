package io.chainretail.agent.manager;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint (or every endpoint of a class) for the store manager only: it needs
 * {@code Authorization: Bearer <token>} from {@code POST /api/manager/signin} (401 without, 403 for a
 * cashier's session). Checked by {@link ManagerGate}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ManagerOnly {
}
