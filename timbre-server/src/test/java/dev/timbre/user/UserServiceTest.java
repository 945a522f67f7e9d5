package dev.timbre.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.access.Caller;
import dev.timbre.config.TimbreConfig;
import dev.timbre.db.Database;
import dev.timbre.http.ApiException;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UserServiceTest {
    static final ChargedFor TTS = new ChargedFor(ChargedFor.TEXT_TO_SPEECH, "v1", "m1");

    static Charge charge(UserService users, int characters) {
        return users.charge(Caller.INTERNAL, characters, TTS);
    }

    static UserService service(Database db, long limit) {
        return new UserService(new UsageRepository(db.jdbi()), new TimbreConfig.Account("u1", "Ada", limit, "self_hosted"), () -> 3, Clock.systemUTC());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void charges_add_up_and_report_from_and_to(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            UserService users = service(db, 1000);
            assertThat(charge(users, 10)).isEqualTo(new Charge(0, 10));
            assertThat(charge(users, 0)).isEqualTo(new Charge(10, 10));
            assertThat(charge(users, 25)).isEqualTo(new Charge(10, 35));
            SubscriptionResponse s = users.subscription();
            assertThat(s.characterCount()).isEqualTo(35);
            assertThat(s.characterLimit()).isEqualTo(1000);
            assertThat(s.voiceSlotsUsed()).isEqualTo(3);
            assertThat(s.nextCharacterCountResetUnix()).isGreaterThan(System.currentTimeMillis() / 1000 + 27 * 86400);
            assertThat(users.user("abcd…").subscription().characterCount()).isEqualTo(35);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void over_the_limit_is_a_401_quota_exceeded_and_charges_nothing(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            UserService users = service(db, 100);
            charge(users, 90);
            assertThatThrownBy(() -> charge(users, 11)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.code()).isEqualTo("quota_exceeded");
                assertThat(e.getMessage()).contains("exceeds your quota", "10 credits remaining", "11 credits are required");
            });
            assertThat(users.subscription().characterCount()).isEqualTo(90);
            assertThat(charge(users, 10)).isEqualTo(new Charge(90, 100));
            assertThatThrownBy(() -> charge(users, 1)).isInstanceOf(ApiException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void concurrent_charges_never_lose_updates_or_pass_the_limit(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            UserService users = service(db, 1000);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Charge>> tasks = new ArrayList<>();
                for (int i = 0; i < 120; i++) tasks.add(() -> {
                    try {
                        return charge(users, 10);
                    } catch (ApiException e) {
                        return null;
                    }
                });
                List<Charge> done = new ArrayList<>();
                for (Future<Charge> f : pool.invokeAll(tasks)) if (f.get() != null) done.add(f.get());
                assertThat(done).hasSize(100);
                assertThat(new HashSet<>(done.stream().map(Charge::from).toList())).hasSize(100);
                assertThat(done).allMatch(c -> c.to() - c.from() == 10 && c.to() <= 1000);
                assertThat(users.subscription().characterCount()).isEqualTo(1000);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void the_count_resets_when_the_period_ends(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            UsageRepository usage = new UsageRepository(db.jdbi());
            long start = 1_700_000_000L;
            usage.configure(500, start);
            usage.configure(600, start + 10); // a restart keeps the first reset time and applies the new limit
            Usage first = usage.current(start + 20);
            assertThat(first.nextResetUnix()).isEqualTo(UsageRepository.plusMonth(start));
            assertThat(first.characterLimit()).isEqualTo(600);
            assertThat(first.createdAt()).isEqualTo(start);
            assertThat(usage.charge(400, start + 30, null, null, TTS).refusal()).isEqualTo(UsageRepository.Refusal.NONE);
            assertThat(usage.charge(300, start + 40, null, null, TTS).refusal()).isEqualTo(UsageRepository.Refusal.WORKSPACE_LIMIT);
            long later = first.nextResetUnix() + 5;
            assertThat(usage.charge(300, later, null, null, TTS).before().characterCount()).isZero();
            Usage after = usage.current(later);
            assertThat(after.characterCount()).isEqualTo(300);
            assertThat(after.nextResetUnix()).isEqualTo(UsageRepository.plusMonth(first.nextResetUnix()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_keys_character_limit_is_its_own_and_concurrent_charges_never_pass_it(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            UserService users = service(db, 100_000);
            Caller limited = new Caller("key-a", null, 100L, false);
            Caller other = new Caller("key-b", null, null, false);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Charge>> tasks = new ArrayList<>();
                for (int i = 0; i < 30; i++) tasks.add(() -> {
                    try {
                        return users.charge(limited, 7, TTS);
                    } catch (ApiException e) {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo("quota_exceeded");
                        return null;
                    }
                });
                int charged = 0;
                for (Future<Charge> f : pool.invokeAll(tasks)) if (f.get() != null) charged++;
                assertThat(charged).isEqualTo(14); // 14 × 7 = 98 ≤ 100 < 105
            } finally {
                pool.shutdownNow();
            }
            assertThatThrownBy(() -> users.charge(limited, 3, TTS)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.getMessage()).contains("character limit of 100", "2 credits remaining", "3 credits are required"));
            assertThat(users.charge(limited, 2, TTS)).isEqualTo(new Charge(98, 100));
            assertThat(users.charge(other, 500, TTS)).isEqualTo(new Charge(100, 600)); // the other key is not limited by it
            assertThat(users.keyCounts(List.of("key-a", "key-b", "key-c"))).containsExactlyInAnyOrderEntriesOf(
                    java.util.Map.of("key-a", 100L, "key-b", 500L));
            assertThat(users.subscription().characterCount()).isEqualTo(600);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_keys_count_starts_again_with_the_period(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            UsageRepository usage = new UsageRepository(db.jdbi());
            long start = 1_700_000_000L;
            usage.configure(10_000, start);
            assertThat(usage.charge(80, start + 10, "k", 100L, TTS).refusal()).isEqualTo(UsageRepository.Refusal.NONE);
            assertThat(usage.charge(30, start + 20, "k", 100L, TTS).refusal()).isEqualTo(UsageRepository.Refusal.KEY_LIMIT);
            long later = UsageRepository.plusMonth(start) + 5;
            UsageRepository.Attempt next = usage.charge(30, later, "k", 100L, TTS);
            assertThat(next.refusal()).isEqualTo(UsageRepository.Refusal.NONE);
            assertThat(next.keyCountBefore()).isZero();
            assertThat(usage.keyCounts(List.of("k"), later)).containsEntry("k", 30L);
        }
    }
}
