package dev.timbre.user;

import dev.timbre.access.Caller;
import dev.timbre.config.TimbreConfig;
import dev.timbre.http.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The account and its character accounting. {@link #charge} is the one way to spend characters: atomic across
 * threads and nodes, and all-or-nothing against the limit.
 */
public final class UserService {
    public static final int VOICE_LIMIT = 10_000;

    private final UsageRepository usage;
    private final TimbreConfig.Account account;
    private final IntSupplier voiceSlotsUsed;
    private final Clock clock;

    /** @param voiceSlotsUsed how many voices occupy slots (cloned, generated); reported in the subscription */
    public UserService(UsageRepository usage, TimbreConfig.Account account, IntSupplier voiceSlotsUsed, Clock clock) {
        this.usage = usage;
        this.account = account;
        this.voiceSlotsUsed = voiceSlotsUsed;
        this.clock = clock;
        usage.configure(account.characterLimit(), now());
    }

    /**
     * Charges {@code characters} (≥ 0) to the workspace and to {@code caller}'s key, recording what they paid for.
     * Throws a 401 {@code quota_exceeded} and charges nothing when that would pass the workspace's limit or the key's
     * own {@code character_limit}.
     */
    public Charge charge(Caller caller, int characters, ChargedFor what) {
        if (characters < 0) throw new IllegalArgumentException("characters must not be negative: " + characters);
        UsageRepository.Attempt a = usage.charge(characters, now(), caller.keyId(), caller.characterLimit(), what);
        switch (a.refusal()) {
            case KEY_LIMIT -> {
                long left = Math.max(0, caller.characterLimit() - a.keyCountBefore());
                throw ApiException.unauthorized("quota_exceeded", "This request exceeds your API key's character limit of "
                        + caller.characterLimit() + ". It has " + left + " credits remaining, while " + characters
                        + " credits are required for this request.");
            }
            case WORKSPACE_LIMIT -> {
                Usage u = a.before();
                long left = Math.max(0, u.characterLimit() - u.characterCount());
                throw ApiException.unauthorized("quota_exceeded", "This request exceeds your quota of " + u.characterLimit()
                        + ". You have " + left + " credits remaining, while " + characters + " credits are required for this request.");
            }
            case NONE -> { }
        }
        long before = a.before().characterCount();
        return new Charge(Math.toIntExact(before), Math.toIntExact(before + characters));
    }

    /** Characters each key was charged in the current period (a key absent from the map: none). */
    public java.util.Map<String, Long> keyCounts(java.util.Collection<String> keyIds) {
        return usage.keyCounts(keyIds, now());
    }

    public SubscriptionResponse subscription() {
        Usage u = usage.current(now());
        return new SubscriptionResponse(account.tier(), u.characterCount(), u.characterLimit(), 0L, 0, false, false,
                u.nextResetUnix(), voiceSlotsUsed.getAsInt(), 0, 0, VOICE_LIMIT, null, 0, 0, false, true, false,
                "usd", new SubscriptionResponse.Price("0.00", "usd"), "active", "monthly_period", "monthly_period", null, List.of(), false, null);
    }

    /** @param keyPreview a short, non-secret hint of the caller's key, or null */
    public UserResponse user(String keyPreview) {
        SubscriptionResponse s = subscription();
        Usage u = usage.current(now());
        return new UserResponse(account.userId(), s, null, false, null, false, true, true, false, account.firstName(),
                true, keyPreview, null, null, u.createdAt(), "workspace_admin", account.userId());
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
