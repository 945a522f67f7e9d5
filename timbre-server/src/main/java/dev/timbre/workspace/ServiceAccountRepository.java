package dev.timbre.workspace;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code service_accounts}: the workspace's service accounts (one, created by the migration). Thread-safe. */
public final class ServiceAccountRepository {
    private final Jdbi jdbi;

    public ServiceAccountRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A service account; {@code createdAt} 0 means unknown. */
    public record ServiceAccount(String serviceAccountUserId, String name, long createdAt) {}

    public List<ServiceAccount> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT service_account_user_id, name, created_at FROM service_accounts ORDER BY name, service_account_user_id")
                .mapTo(ServiceAccount.class).list());
    }

    public Optional<ServiceAccount> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT service_account_user_id, name, created_at FROM service_accounts WHERE service_account_user_id = :id")
                .bind("id", id).mapTo(ServiceAccount.class).findOne());
    }
}
