package com.powerpto.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAuditApiTest extends ApiTest {

    @Test
    void accountChangesAreAuditedWithoutSecrets() {
        World world = fixtures.newWorld();
        Person emma = world.employee("Emma", null);
        String account = world.base() + "/employees/" + emma.id() + "/account";
        world.asAdmin().put(account, Map.of("password", "a-secret-passphrase-1", "role", "employee")).expectJson(200);
        String invite = world.asAdmin().put(account, Map.of("role", "manager")).expectJson(200).path("invite_token").asText();
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=EMPLOYEE&action=UPDATE&entity_id=" + emma.id())
                .expectJson(200);
        assertThat(audit.path("total").asLong()).isEqualTo(2);
        JsonNode latest = audit.path("items").get(0);
        assertThat(latest.path("before_json").path("account").path("role").asText()).isEqualTo("employee");
        assertThat(latest.path("after_json").path("account").path("role").asText()).isEqualTo("manager");
        assertThat(audit.toString()).doesNotContain("a-secret-passphrase-1").doesNotContain(invite).doesNotContain("$2a$");
    }
}
