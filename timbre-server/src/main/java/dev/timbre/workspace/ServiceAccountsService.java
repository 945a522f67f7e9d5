package dev.timbre.workspace;

import dev.timbre.access.Caller;
import dev.timbre.access.Permission;
import dev.timbre.http.ApiException;
import dev.timbre.user.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service accounts and their API keys: list, create (the secret is returned once; only its hash is kept), edit
 * (name, permissions, character limit, enabled) and delete. A key that does not hold every permission may not give
 * a key more than it holds. Thread-safe.
 */
public final class ServiceAccountsService {
    private final ServiceAccountRepository accounts;
    private final ApiKeyRepository keys;
    private final UserService users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ServiceAccountsService(ServiceAccountRepository accounts, ApiKeyRepository keys, UserService users, Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.users = users;
        this.clock = clock;
    }

    public ServiceAccountList list() {
        return new ServiceAccountList(accounts.list().stream()
                .map(a -> new ServiceAccountList.Item(a.serviceAccountUserId(), a.name(), a.createdAt() == 0 ? null : a.createdAt(),
                        responses(keys.list(a.serviceAccountUserId()))))
                .toList());
    }

    public ApiKeyList keys(String serviceAccountId) {
        return new ApiKeyList(responses(keys.list(account(serviceAccountId))));
    }

    public CreatedApiKey create(Caller caller, String serviceAccountId, ApiKeyChecks.Checked c) {
        String account = account(serviceAccountId);
        mayGrant(caller, c.permissions());
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String plain = "sk_" + HexFormat.of().formatHex(secret);
        keys.create(plain, account, c.name(), c.permissions(), c.characterLimit(), clock.instant().getEpochSecond());
        return new CreatedApiKey(plain);
    }

    public void edit(Caller caller, String serviceAccountId, String keyId, ApiKeyChecks.Checked c) {
        String account = account(serviceAccountId);
        mayGrant(caller, c.permissions());
        if (!keys.update(account, keyId, c.name(), c.permissions(), c.characterLimit(), !c.enabled())) throw keyNotFound(keyId);
    }

    public void delete(String serviceAccountId, String keyId) {
        if (!keys.delete(account(serviceAccountId), keyId)) throw keyNotFound(keyId);
    }

    private List<ApiKeyResponse> responses(List<ApiKeyRepository.ApiKey> list) {
        Map<String, Long> counts = users.keyCounts(list.stream().map(ApiKeyRepository.ApiKey::id).toList());
        return list.stream().map(k -> {
            Set<Permission> p = k.permissionSet();
            return new ApiKeyResponse(k.name(), k.keyHint(), k.id(), k.serviceAccountUserId(), k.createdAt(), k.isDisabled(),
                    p == null ? null : p.stream().sorted().map(Permission::wire).toList(), k.characterLimit(), counts.getOrDefault(k.id(), 0L));
        }).toList();
    }

    private String account(String id) {
        return accounts.find(id).orElseThrow(() -> ApiException.notFound("service_account_not_found",
                "A service account with the id '" + id + "' was not found.")).serviceAccountUserId();
    }

    /** A caller limited to some permissions may only grant those. */
    private static void mayGrant(Caller caller, Set<Permission> granted) {
        if (caller.permissions() == null) return;
        if (granted == null) {
            throw ApiException.unauthorized("missing_permissions", "The API key you used is missing the permission all to execute this operation.");
        }
        for (Permission p : granted) {
            if (!caller.has(p)) {
                throw ApiException.unauthorized("missing_permissions",
                        "The API key you used is missing the permission " + p.wire() + " to execute this operation.");
            }
        }
    }

    private static ApiException keyNotFound(String keyId) {
        return ApiException.notFound("api_key_not_found", "An API key with the id '" + keyId + "' was not found.");
    }
}
