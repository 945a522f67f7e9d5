package dev.timbre.convai.phonenumbers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The five {@code /v1/convai/phone-numbers} endpoints for both providers: shapes, secrets withheld, agents, bad input. */
@Tag("integration")
class PhoneNumbersApiTest {
    static final String ONE = "/v1/convai/phone-numbers/{phone_number_id}";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String q(String s) {
        return s.replace('\'', '"');
    }

    static String create(String body) {
        TestServer.Response r = server.postJson("/v1/convai/phone-numbers", q(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/phone-numbers", r);
        return r.json().get("phone_number_id").asText();
    }

    @Test
    void imports_a_twilio_number_without_returning_its_secrets() {
        String id = create("{'provider':'twilio','phone_number':'+15550000001','label':'Support','sid':'AC-secret-sid','token':'tok-secret'}");
        TestServer.Response got = server.get("/v1/convai/phone-numbers/" + id);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", ONE, got);
        assertThat(got.json().get("provider").asText()).isEqualTo("twilio");
        assertThat(got.json().get("label").asText()).isEqualTo("Support");
        assertThat(got.json().get("supports_inbound").asBoolean()).isTrue();
        assertThat(got.json().get("assigned_agent").isNull()).isTrue();
        assertThat(got.text()).doesNotContain("secret").doesNotContain("tok-");

        TestServer.Response list = server.get("/v1/convai/phone-numbers");
        assertThat(list.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/phone-numbers", list);
        assertThat(list.text()).contains(id).doesNotContain("secret");

        TestServer.Response dup = server.postJson("/v1/convai/phone-numbers", q("{'phone_number':'+15550000001','label':'x','sid':'a','token':'b'}"));
        assertThat(dup.status()).as(dup.toString()).isEqualTo(409);
        assertThat(dup.text()).contains("phone_number_already_exists");
    }

    @Test
    void imports_a_sip_trunk_number_with_trunk_settings_and_no_passwords() {
        String id = create("{'provider':'sip_trunk','phone_number':'+15550000002','label':'Sales','supports_outbound':false,"
                + "'inbound_trunk_config':{'allowed_addresses':['10.0.0.0/24'],'media_encryption':'required',"
                + "'credentials':{'username':'in-user','password':'in-secret-pw'}},"
                + "'outbound_trunk_config':{'address':'sip.example.com:5060','transport':'tcp','headers':{'X-Org':'acme'},"
                + "'credentials':{'username':'out-user','password':'out-secret-pw'}}}");
        TestServer.Response got = server.get("/v1/convai/phone-numbers/" + id);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", ONE, got);
        assertThat(got.text()).doesNotContain("secret-pw");
        assertThat(got.json().get("supports_outbound").asBoolean()).isFalse();
        assertThat(got.json().at("/outbound_trunk/address").asText()).isEqualTo("sip.example.com:5060");
        assertThat(got.json().at("/outbound_trunk/transport").asText()).isEqualTo("tcp");
        assertThat(got.json().at("/outbound_trunk/media_encryption").asText()).isEqualTo("allowed");
        assertThat(got.json().at("/outbound_trunk/headers/X-Org").asText()).isEqualTo("acme");
        assertThat(got.json().at("/outbound_trunk/has_auth_credentials").asBoolean()).isTrue();
        assertThat(got.json().at("/outbound_trunk/username").asText()).isEqualTo("out-user");
        assertThat(got.json().at("/provider_config/address").asText()).isEqualTo("sip.example.com:5060");
        assertThat(got.json().at("/inbound_trunk/allowed_addresses/0").asText()).isEqualTo("10.0.0.0/24");
        assertThat(got.json().at("/inbound_trunk/allowed_numbers").isNull()).isTrue();
        assertThat(got.json().at("/inbound_trunk/media_encryption").asText()).isEqualTo("required");
        assertThat(got.json().at("/inbound_trunk/username").asText()).isEqualTo("in-user");

        TestServer.Response relabelled = server.patchJson("/v1/convai/phone-numbers/" + id, q("{'label':'Sales EU',"
                + "'outbound_trunk_config':{'address':'sip2.example.com','transport':'udp'}}"));
        assertThat(relabelled.status()).as(relabelled.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", ONE, relabelled);
        assertThat(relabelled.json().get("label").asText()).isEqualTo("Sales EU");
        assertThat(relabelled.json().at("/outbound_trunk/address").asText()).isEqualTo("sip2.example.com");
        assertThat(relabelled.json().at("/outbound_trunk/has_auth_credentials").asBoolean()).isFalse();
        assertThat(relabelled.json().at("/inbound_trunk/username").asText()).as("the other side is kept").isEqualTo("in-user");
        TestServer.Response badPatch = server.patchJson("/v1/convai/phone-numbers/" + id, q("{'outbound_trunk_config':{'transport':'x'}}"));
        assertThat(badPatch.status()).isEqualTo(422);
        assertThat(server.get("/v1/convai/phone-numbers/" + id).json().get("label").asText()).as("a bad PATCH changes nothing").isEqualTo("Sales EU");

        String bare = create("{'provider':'sip_trunk','phone_number':'+15550000003','label':'Bare'}");
        TestServer.Response b = server.get("/v1/convai/phone-numbers/" + bare);
        OpenApiContract.assertConforms("GET", ONE, b);
        assertThat(b.json().get("outbound_trunk").isNull()).isTrue();
        assertThat(b.json().get("inbound_trunk").isNull()).isTrue();
    }

    @Test
    void assigns_and_unassigns_an_agent_and_deleting_the_agent_unassigns_it() {
        String id = create("{'phone_number':'+15550000004','label':'Agent line','sid':'s','token':'t'}");
        String agent = server.postJson("/v1/convai/agents/create", q("{'name':'Receptionist','conversation_config':{}}")).json().get("agent_id").asText();
        TestServer.Response patched = server.patchJson("/v1/convai/phone-numbers/" + id, q("{'agent_id':'" + agent + "'}"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", ONE, patched);
        assertThat(patched.json().at("/assigned_agent/agent_id").asText()).isEqualTo(agent);
        assertThat(patched.json().at("/assigned_agent/agent_name").asText()).isEqualTo("Receptionist");
        assertThat(server.get("/v1/convai/phone-numbers/" + id).json().at("/assigned_agent/agent_id").asText()).isEqualTo(agent);
        TestServer.Response mine = server.get("/v1/convai/phone-numbers?agent_id=" + agent);
        OpenApiContract.assertConforms("GET", "/v1/convai/phone-numbers", mine);
        assertThat(mine.json()).extracting(n -> n.get("phone_number_id").asText()).containsExactly(id);
        assertThat(server.get("/v1/convai/phone-numbers?provider=sip_trunk").text()).doesNotContain(id);

        TestServer.Response unknown = server.patchJson("/v1/convai/phone-numbers/" + id, q("{'agent_id':'agent_nope'}"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.text()).contains("agent_not_found");

        assertThat(server.delete("/v1/convai/agents/" + agent).status()).isEqualTo(200);
        assertThat(server.get("/v1/convai/phone-numbers/" + id).json().get("assigned_agent").isNull()).isTrue();

        String other = server.postJson("/v1/convai/agents/create", q("{'name':'Other','conversation_config':{}}")).json().get("agent_id").asText();
        server.patchJson("/v1/convai/phone-numbers/" + id, q("{'agent_id':'" + other + "'}"));
        TestServer.Response cleared = server.patchJson("/v1/convai/phone-numbers/" + id, q("{'agent_id':null}"));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("assigned_agent").isNull()).isTrue();

        TestServer.Response deleted = server.delete("/v1/convai/phone-numbers/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", ONE, deleted);
        assertThat(server.get("/v1/convai/phone-numbers/" + id).status()).isEqualTo(404);
        assertThat(server.delete("/v1/convai/phone-numbers/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknown_numbers_are_404_and_bad_input_is_a_422_list() {
        TestServer.Response missing = server.get("/v1/convai/phone-numbers/phnum_nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("phone_number_not_found");
        assertThat(server.patchJson("/v1/convai/phone-numbers/phnum_nope", q("{'agent_id':null}")).status()).isEqualTo(404);

        TestServer.Response noToken = server.postJson("/v1/convai/phone-numbers", q("{'provider':'twilio','phone_number':'+1555','label':'x','sid':'s'}"));
        assertThat(noToken.status()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/convai/phone-numbers", noToken);
        assertThat(noToken.json().at("/detail/0/loc/1").asText()).isEqualTo("token");

        TestServer.Response badProvider = server.postJson("/v1/convai/phone-numbers", q("{'provider':'vonage','phone_number':'+1555','label':'x'}"));
        assertThat(badProvider.status()).isEqualTo(422);
        assertThat(badProvider.json().at("/detail/0/loc/1").asText()).isEqualTo("provider");

        TestServer.Response badTrunk = server.postJson("/v1/convai/phone-numbers", q("{'provider':'sip_trunk','phone_number':'+1555','label':'x',"
                + "'outbound_trunk_config':{'transport':'carrier-pigeon','credentials':{'username':'u'}}}"));
        assertThat(badTrunk.status()).isEqualTo(422);
        assertThat(badTrunk.text()).contains("address").contains("transport").contains("password");

        for (String body : new String[] {"[]", "{'label':3}", "{'phone_number':'+1','label':'x','sid':'s','token':'t','supports_inbound':'yes'}"}) {
            TestServer.Response r = server.postJson("/v1/convai/phone-numbers", q(body));
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
            assertThat(r.json().get("detail").isArray()).isTrue();
        }
        TestServer.Response badPatch = server.patchJson("/v1/convai/phone-numbers/phnum_nope", q("{'agent_id':5}"));
        assertThat(badPatch.status()).isEqualTo(422);
    }
}
