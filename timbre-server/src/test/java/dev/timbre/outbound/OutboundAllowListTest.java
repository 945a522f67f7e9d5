package dev.timbre.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAllowListTest {
    static InetAddress ip(String literal) throws Exception {
        return AddressClassTest.ip(literal);
    }

    @Test
    void host_port_pairs_and_cidr_ranges_from_the_issue_example() throws Exception {
        OutboundAllowList list = OutboundAllowList.parse("127.0.0.1:11434,10.0.0.0/8");
        assertThat(list.allows("127.0.0.1", ip("127.0.0.1"), 11434)).isTrue();
        assertThat(list.allows("127.0.0.1", ip("127.0.0.1"), 8080)).as("another port").isFalse();
        assertThat(list.allows("intranet", ip("10.20.30.40"), 443)).isTrue();
        assertThat(list.allows("intranet", ip("11.0.0.1"), 443)).isFalse();
        assertThat(list.allows("x", ip("::ffff:10.1.1.1"), 80)).as("IPv4-mapped form of an allowed address").isTrue();
    }

    @Test
    void host_names_match_the_url_host_with_or_without_a_port() throws Exception {
        OutboundAllowList list = OutboundAllowList.parse(" localhost:11434 , Ollama.Internal ,, ");
        assertThat(list.allows("localhost", ip("127.0.0.1"), 11434)).isTrue();
        assertThat(list.allows("LOCALHOST", ip("::1"), 11434)).isTrue();
        assertThat(list.allows("localhost", ip("127.0.0.1"), 11435)).isFalse();
        assertThat(list.allows("ollama.internal", ip("10.0.0.5"), 80)).isTrue();
        assertThat(list.allows("ollama.internal", ip("10.0.0.5"), 9999)).isTrue();
        assertThat(list.allows("127.0.0.1", ip("127.0.0.1"), 11434)).as("a name entry does not allow its address").isFalse();
    }

    @Test
    void ipv6_addresses_ranges_and_bracketed_ports() throws Exception {
        OutboundAllowList list = OutboundAllowList.parse(List.of("fd00::/8", "[::1]:8080,fe80::1"));
        assertThat(list.allows("h", ip("fd12::3"), 1)).isTrue();
        assertThat(list.allows("h", ip("fc00::3"), 1)).isFalse();
        assertThat(list.allows("::1", ip("::1"), 8080)).isTrue();
        assertThat(list.allows("::1", ip("::1"), 8081)).isFalse();
        assertThat(list.allows("h", ip("fe80::1"), 5)).isTrue();
        assertThat(list.allows("h", ip("fe80::2"), 5)).isFalse();
        assertThat(list.allows("h", ip("10.0.0.1"), 5)).as("an IPv6 range holds no IPv4 address").isFalse();
    }

    @Test
    void empty_lists_allow_nothing() throws Exception {
        assertThat(OutboundAllowList.parse("").isEmpty()).isTrue();
        assertThat(OutboundAllowList.parse(List.of()).isEmpty()).isTrue();
        assertThat(OutboundAllowList.parse((String) null).allows("localhost", ip("127.0.0.1"), 80)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "host:0", "host:65536", "host:abc", "[::1", "[::1]x", "fd00::/129",
            "bad_host", "http://example.com", "a b", "1.2.3.4:5:6/7"})
    void invalid_entries_are_refused_with_a_clear_message(String entry) {
        assertThatThrownBy(() -> OutboundAllowList.parse("127.0.0.1," + entry))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + entry.strip() + "'");
    }
}
