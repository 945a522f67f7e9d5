package dev.timbre.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    static UserService service(Database db, long limit) {
        return new UserService(new UsageRepository(db.jdbi()), new TimbreConfig.Account("u1", "Ada", limit, "self_hosted"), () -> 3, Clock.systemUTC());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void charges_add_up_and_report_from_and_to(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            UserService users = service(db, 1000);
            assertThat(users.charge(10)).isEqualTo(new Charge(0, 10));
            assertThat(users.charge(0)).isEqualTo(new Charge(10, 10));
            assertThat(users.charge(25)).isEqualTo(new Charge(10, 35));
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
            users.charge(90);
            assertThatThrownBy(() -> users.charge(11)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.code()).isEqualTo("quota_exceeded");
                assertThat(e.getMessage()).contains("exceeds your quota", "10 credits remaining", "11 credits are required");
            });
            assertThat(users.subscription().characterCount()).isEqualTo(90);
            assertThat(users.charge(10)).isEqualTo(new Charge(90, 100));
            assertThatThrownBy(() -> users.charge(1)).isInstanceOf(ApiException.class);
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
                        return users.charge(10);
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
            assertThat(usage.charge(400, start + 30)).isPresent();
            assertThat(usage.charge(300, start + 40)).isEmpty();
            long later = first.nextResetUnix() + 5;
            assertThat(usage.charge(300, later)).hasValueSatisfying(u -> assertThat(u.characterCount()).isZero());
            Usage after = usage.current(later);
            assertThat(after.characterCount()).isEqualTo(300);
            assertThat(after.nextResetUnix()).isEqualTo(UsageRepository.plusMonth(first.nextResetUnix()));
        }
    }
}
