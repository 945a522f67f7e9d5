package dev.timbre.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The API key a request was made with.
 *
 * @param keyId          the stored key's id; null only for {@link #INTERNAL} work that no key started
 * @param permissions    what the key may do; null means all permissions ({@code "all"})
 * @param characterLimit characters the key may spend per accounting period; null for no limit of its own
 * @param disabled       a disabled key is refused everywhere
 */
public record Caller(String keyId, Set<Permission> permissions, Long characterLimit, boolean disabled) {
    /** Work the server does on its own account: every permission, no key limit, counted to no key. */
    public static final Caller INTERNAL = new Caller(null, null, null, false);

    public Caller {
        permissions = permissions == null ? null : Set.copyOf(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    public boolean has(Permission p) {
        return permissions == null || permissions.contains(p);
    }
}
